#!/usr/bin/env node
// Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the built dashboards' assets, once
// at build time, so kit's registerDashboard (@fastify/static `preCompressed`) sends them compressed without
// compressing on each request. Run by `npm run build:dashboards` after Vite. A copy that would not be
// smaller is not written. Prints each dashboard's JS size, raw, gzipped and brotli (the figures in
// docs/performance.md, "Dashboard bundle size").
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DASHBOARDS = ['packages/sms-dashboard', 'packages/reviews-dashboard'];
const TEXT = /\.(js|css|svg|html|json|txt)$/;

for (const pkg of DASHBOARDS) {
  const dir = join(pkg, 'dist', 'assets');
  const js = { raw: 0, gzip: 0, brotli: 0 };
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
      js.raw += body.length;
      js.gzip += Math.min(gz.length, body.length);
      js.brotli += Math.min(br.length, body.length);
    }
  }
  const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(`${pkg}: JavaScript ${kib(js.raw)}, ${kib(js.gzip)} gzipped, ${kib(js.brotli)} brotli`);
}
