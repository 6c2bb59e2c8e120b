#!/usr/bin/env node
// Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the built dashboards' assets, once
// at build time, so kit's registerDashboard (@fastify/static `preCompressed`) sends them compressed without
// compressing on each request. Run by `npm run build:dashboards` after Vite. A copy that would not be
// smaller is not written. Prints each dashboard's JS size, raw, gzipped and brotli (the figures in
// docs/performance.md, "Dashboard bundle size"): what the first page load fetches (the files index.html
// loads or preloads) and what loads later (the lazily imported chart code).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DASHBOARDS = ['packages/sms-dashboard', 'packages/reviews-dashboard'];
const TEXT = /\.(js|css|svg|html|json|txt)$/;

for (const pkg of DASHBOARDS) {
  const dir = join(pkg, 'dist', 'assets');
  const html = readFileSync(join(pkg, 'dist', 'index.html'), 'utf8');
  const js = { raw: 0, gzip: 0, brotli: 0 };
  const lazy = { raw: 0, gzip: 0, brotli: 0 };
  for (const name of readdirSync(dir)) {
    if (!TEXT.test(name)) continue;
    const body = readFileSync(join(dir, name));
    const br = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    const gz = gzipSync(body, { level: 9 });
    if (br.length < body.length) writeFileSync(join(dir, `${name}.br`), br);
    if (gz.length < body.length) writeFileSync(join(dir, `${name}.gz`), gz);
    if (name.endsWith('.js')) {
      const sum = html.includes(`/assets/${name}`) ? js : lazy;
      sum.raw += body.length;
      sum.gzip += Math.min(gz.length, body.length);
      sum.brotli += Math.min(br.length, body.length);
    }
  }
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  const line = (t) => `${kib(t.raw)}, ${kib(t.gzip)} gzipped, ${kib(t.brotli)} brotli`;
  console.log(`${pkg}: JavaScript at first load ${line(js)}; loaded later ${line(lazy)}`);
}
