// The scale-out shape: one `rapport start --api-only` process and two `rapport worker` processes over
// the same storage (PostgreSQL in the second pass). Work enqueued by the API process is picked up by a
// worker process; two workers competing for it still send exactly one text.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { ChildProcess } from 'node:child_process';
import { testStorage } from '@rapport/kit';
import { freePort } from '../src/ports.js';
import { exited, startServer, startWorker } from './helpers/cli.js';
import { processEnv, sendFulfilledOrder, setUpMerchantWithCli, sleep, subscribeAndConfirm, textsTo, until } from './helpers/processes.js';

const storage = testStorage();
const children: ChildProcess[] = [];
after(async () => {
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map((c) => exited(c)));
  await storage.cleanup();
});

test('API-only process + two worker processes: the review text goes out once', async () => {
  const ports = { sms: await freePort(), reviews: await freePort() };
  const sms = `http://127.0.0.1:${ports.sms}`;
  // 11:00 in New York: inside waking hours in every process.
  const env = processEnv(storage, ports, { RAPPORT_NOW: '2026-03-10T15:00:00Z' });
  children.push(await startServer(env, ports, ['--api-only']));
  children.push(startWorker(env), startWorker(env));

  const m = await setUpMerchantWithCli(env, {
    name: 'Scale Co',
    shopDomain: 'scale.myshopify.com',
    message: 'Hi {first_name}: {review_url}',
    waitDays: 0,
  });
  const max = { phone: '+12125550188', email: 'max@example.com', firstName: 'Max' };
  await subscribeAndConfirm(sms, m, max); // both texts are sent by a worker process
  assert.equal(await sendFulfilledOrder(`http://127.0.0.1:${ports.reviews}`, m, max), 200);
  await until('the review text', async () => (await textsTo(sms, max.phone)).length >= 3);
  await sleep(2000); // a second worker sending it again would show up here
  const all = await textsTo(sms, max.phone);
  assert.equal(all.length, 3, JSON.stringify(all));
  assert.match(all[2]!.body, /^Hi Max: http/);
});
