// A node:test reporter that only counts top-level outcomes, so scripts/test.mjs can print one
// "N passed, N failed" line across the SQLite and PostgreSQL passes.
export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.type === 'test:pass' && event.data.details?.type !== 'suite') passed++;
    if (event.type === 'test:fail' && event.data.details?.type !== 'suite') failed++;
  }
  yield JSON.stringify({ passed, failed });
}
