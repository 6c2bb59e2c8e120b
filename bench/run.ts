// `npm run bench`: every figure of docs/performance.md, each beside its floor or peer measured in the same
// run on this machine, printed as markdown and written to bench/results/latest-<storage>.json.
//   npm run bench                                   everything, SQLite
//   npm run bench -- --database-url postgres://postgres@127.0.0.1:5432/test     the same on PostgreSQL
//   npm run bench -- --only ingest,drain            some scenarios: ingest, lag, fire (trigger, event, flow), drain, release, rss, queue (PostgreSQL)
//   npm run bench -- --runs 5 --seconds 20          more or longer paired ingest runs
//   BENCH_CPU_PROF=/tmp/prof npm run bench -- --only ingest   CPU profiles of every bench server
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { drainRun } from './scenarios/drain.js';
import { fireRun } from './scenarios/fire.js';
import { ingestReport, ingestRun } from './scenarios/ingest.js';
import { lagRun } from './scenarios/lag.js';
import { queueRun } from './scenarios/queue.js';
import { releaseRun } from './scenarios/release.js';
import { rssRun } from './scenarios/rss.js';
import { dropBenchSchemas } from './lib/storage.js';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    'database-url': { type: 'string' },
    'lag-seconds': { type: 'string', default: '60' },
    'fire-seconds': { type: 'string', default: '20' },
    'fire-rate': { type: 'string', default: '500' },
    'drain-texts': { type: 'string', default: '100000' },
    'release-runs': { type: 'string', default: '100000' },
    workers: { type: 'string' },
    'queue-jobs': { type: 'string', default: '20000' },
  },
});
const databaseUrl = values['database-url'];
const storage = databaseUrl ? 'PostgreSQL' : 'SQLite';
const all = ['ingest', 'lag', 'fire', 'drain', 'release', 'rss', ...(databaseUrl ? ['queue'] : [])];
const only = values.only ? values.only.split(',') : all;
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const out: string[] = [`## npm run bench on ${storage} (${new Date().toISOString().slice(0, 10)})`, ''];
const results: Record<string, unknown> = { at: new Date().toISOString(), storage };
const print = (lines: string[]) => {
  for (const l of lines) console.log(l);
  out.push(...lines);
};

try {
  if (only.includes('ingest')) {
    const runs = [];
    for (let i = 0; i < Number(values.runs); i++) runs.push(await ingestRun({ databaseUrl, seconds, connections }));
    const report = ingestReport(runs, storage, seconds, connections);
    print([...report.lines, '']);
    results['ingest'] = report.summary;
  }
  if (only.includes('lag')) {
    const lagSeconds = Number(values['lag-seconds']);
    const r = await lagRun({ databaseUrl, seconds: lagSeconds, connections });
    const series = r.samples.filter((_, i) => i % Math.max(1, Math.floor(r.samples.length / 20)) === 0);
    print([
      `### Backlog (pending jobs) under ${lagSeconds} s of ingest (${r.load.requestsPerS} events/s), then after`,
      '',
      `Peak backlog ${r.peakBacklog} jobs; drained ${Number.isNaN(r.drainedAfterS) ? 'NOT within 60 s' : `${r.drainedAfterS} s`} after the load ended (goal ≤ 5 s).`,
      '',
      `Backlog over time (s: jobs): ${series.map((s) => `${s.t}: ${s.unprocessed}`).join(', ')}`,
      '',
    ]);
    results['lag'] = r;
  }
  if (only.includes('fire')) {
    const rate = Number(values['fire-rate']);
    for (const cause of ['trigger', 'event', 'flow'] as const) {
      const r = await fireRun({ databaseUrl, seconds: Number(values['fire-seconds']), rate, cause });
      print([
        cause === 'trigger'
          ? `### Trigger fire → text accepted by the dev carrier, ${rate} fires/s for ${values['fire-seconds']} s (immediate legacy automation)`
          : cause === 'event'
            ? `### Event → text accepted by the dev carrier, ${rate} events/s for ${values['fire-seconds']} s (immediate legacy automation on an event type)`
            : `### Event → text accepted by the dev carrier, ${rate} events/s for ${values['fire-seconds']} s (automation flow whose first step texts)`,
        '',
        `| ${cause === 'trigger' ? 'fires' : 'events'} | texts | p50 ms | p99 ms | max ms | HTTP p50 / p99 ms | non-2xx |`,
        '| ---: | ---: | ---: | ---: | ---: | --- | ---: |',
        `| ${r.fires} | ${r.texts} | ${r.p50} | ${r.p99} | ${r.max} | ${r.http.p50} / ${r.http.p99} | ${r.http.non2xx} |`,
        '',
        'Goal on SQLite: p99 ≤ 50 ms.',
        '',
      ]);
      results[cause === 'trigger' ? 'fire' : cause === 'event' ? 'event-fire' : 'flow-fire'] = r;
    }
  }
  if (only.includes('drain')) {
    const workers = (values.workers ?? (databaseUrl ? '1,2,4' : '1')).split(',').map(Number);
    const rows = [];
    for (const w of workers) rows.push(await drainRun({ databaseUrl, texts: Number(values['drain-texts']), workers: w }));
    print([
      `### ${values['drain-texts']} texts coming due at once, drained through the dev carrier`,
      '',
      '| worker processes | texts/s | seconds | sent | carrier rows |',
      '| ---: | ---: | ---: | ---: | ---: |',
      ...rows.map((r) => `| ${r.workers} | ${r.perSecond} | ${r.seconds.toFixed(1)} | ${r.sent} | ${r.carrierRows} |`),
      '',
      databaseUrl ? 'Goal: a gain from 1 to 2 workers (two shared cores).' : 'Goal on SQLite: ≥ 10,000 texts/s.',
      '',
    ]);
    results['drain'] = rows;
  }
  if (only.includes('release')) {
    const r = await releaseRun({ databaseUrl, runs: Number(values['release-runs']) });
    print([
      `### ${r.runs} flow runs coming due at once (1-step delay → text), released by one worker process`,
      '',
      '| runs | runs moved/s | seconds to move all | texts sent | texts/s to the last text |',
      '| ---: | ---: | ---: | ---: | ---: |',
      `| ${r.runs} | ${r.runsPerSecond} | ${r.movedSeconds.toFixed(1)} | ${r.sent} | ${r.textsPerSecond} |`,
      '',
      'Floor: the drain above (the same texts, already queued, with no flow step before them).',
      '',
    ]);
    results['release'] = r;
  }
  if (only.includes('rss')) {
    const r = await rssRun({ databaseUrl, seconds, connections });
    print([
      `### Memory of \`rapport start\` under ${seconds} s of ingest (${r.load.requestsPerS} events/s)`,
      '',
      `Idle ${r.idleMb} MB; peak RSS ${r.peakMb} MB (VmHWM; sampled peak ${r.peakSampledMb} MB). Goal ≤ 250 MB.`,
      '',
    ]);
    results['rss'] = r;
  }
  if (only.includes('queue') && databaseUrl) {
    const jobs = Number(values['queue-jobs']);
    const r = await queueRun({ databaseUrl, jobs });
    print([
      `### The job queue beside graphile-worker 0.17 on the same PostgreSQL, ${jobs} no-op jobs, enqueue → complete`,
      '',
      '| | Rapport jobs/s | graphile-worker jobs/s | ratio |',
      '| --- | ---: | ---: | ---: |',
      `| unbatched (8 producers, 1 job a statement) | ${r.rapport.unbatched} | ${r.graphile.unbatched} | ${(r.rapport.unbatched / r.graphile.unbatched).toFixed(2)}× |`,
      `| batched (500 jobs a statement) | ${r.rapport.batched} | ${r.graphile.batched} | ${(r.rapport.batched / r.graphile.batched).toFixed(2)}× |`,
      '',
      'Goal: Rapport ≥ 0.6× graphile-worker.',
      '',
    ]);
    results['queue'] = r;
  }
} finally {
  if (databaseUrl) await dropBenchSchemas(databaseUrl);
}

mkdirSync('bench/results', { recursive: true });
writeFileSync(`bench/results/latest-${storage.toLowerCase()}.json`, JSON.stringify(results, null, 2));
writeFileSync(`bench/results/latest-${storage.toLowerCase()}.md`, `${out.join('\n')}\n`);
