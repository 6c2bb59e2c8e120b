#!/usr/bin/env node
// Runs every test file with node's test runner, twice: on SQLite (the embedded default), then on
// PostgreSQL (TEST_DATABASE_URL, default the local server's `test` database). Browser tests
// (e2e/*.test.ts) and pure tests that open no database (`test/unit/`, the dashboards', dashboard-ui's and
// the contract's tests) run in the SQLite pass only: what they check does not depend on the dialect.
//   npm test                   both passes
//   npm test -- --sqlite-only  skip the PostgreSQL pass (say so; CI never does)
//   npm test -- path/to/x.test.ts   just those files, both passes
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const args = process.argv.slice(2);
const sqliteOnly = args.includes('--sqlite-only');
const explicit = args.filter((a) => !a.startsWith('--'));

function find(dir, out = []) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const all = explicit.length > 0 ? explicit : [...find('packages'), ...find('e2e')].sort();
const isBrowser = (f) => f.startsWith('e2e/') || f.startsWith('e2e\\');
const PURE = [/[\\/]test[\\/]unit[\\/]/, /packages[\\/][a-z-]*dashboard[a-z-]*[\\/]test[\\/]/, /packages[\\/]contract[\\/]test[\\/]/];
const isPure = (f) => PURE.some((re) => re.test(f));
const pgUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

const totals = { passed: 0, failed: 0 };
function pass(label, files, env) {
  if (files.length === 0) return 0;
  console.log(`\n=== ${label}: ${files.length} test files ===`);
  const countFile = join(tmpdir(), `rapport-test-count-${process.pid}-${label}.json`);
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/count-reporter.mjs',
      `--test-reporter-destination=${countFile}`,
      ...files,
    ],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
  try {
    const c = JSON.parse(readFileSync(countFile, 'utf8'));
    totals.passed += c.passed;
    totals.failed += c.failed;
    rmSync(countFile, { force: true });
  } catch {
    totals.failed += 1;
  }
  return r.status ?? 1;
}

let status = pass('sqlite', all, { TEST_DATABASE_URL: '' });
if (!sqliteOnly) {
  status =
    pass(
      'postgres',
      all.filter((f) => !isBrowser(f) && !isPure(f)),
      { TEST_DATABASE_URL: pgUrl },
    ) || status;
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(status === 0 && totals.failed === 0 ? 0 : 1);
