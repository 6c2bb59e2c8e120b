// Fault injection with a real crash: `rapport start` is killed with SIGKILL right after accepting a
// webhook and again at random moments while the review text is being produced and sent. After each
// restart the work resumes from the database; the subscriber must end up with exactly one text.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { ChildProcess } from 'node:child_process';
import { testStorage } from '@rapport/kit';
import { freePort } from '../src/ports.js';
import { exited, startServer } from './helpers/cli.js';
import {
  postJson,
  processEnv,
  sendFulfilledOrder,
  setUpMerchantWithCli,
  sleep,
  subscribeAndConfirm,
  textsTo,
  until,
} from './helpers/processes.js';

const storage = testStorage();
let server: ChildProcess | undefined;
after(async () => {
  server?.kill('SIGKILL');
  await storage.cleanup();
});

test('SIGKILL after the webhook 200 and during sending: the text still goes, exactly once', async () => {
  const ports = { sms: await freePort(), reviews: await freePort() };
  const sms = `http://127.0.0.1:${ports.sms}`;
  const base = processEnv(storage, ports, { RAPPORT_DEV: '1' });
  // The dev clock starts at RAPPORT_NOW in every process: each restart resumes at the instant read before the kill.
  let now = '2026-03-10T15:00:00.000Z';
  const start = async () => (server = await startServer({ ...base, RAPPORT_NOW: now }, ports));
  const crash = async () => {
    now = ((await (await fetch(`${sms}/dev/clock`)).json()) as { now: string }).now;
    server!.kill('SIGKILL');
    await exited(server!);
  };
  const advance = (ms: number) => postJson(`${sms}/dev/clock/advance`, { ms });
  await start();

  const m = await setUpMerchantWithCli(
    { ...base, RAPPORT_NOW: now },
    { name: 'Crash Test Co', shopDomain: 'crash.myshopify.com', message: 'Hi {first_name}, review us: {review_url}', waitDays: 1 },
  );
  const kim = { phone: '+12125550177', email: 'kim@example.com', firstName: 'Kim' };
  await subscribeAndConfirm(sms, m, kim);
  const baseline = (await textsTo(sms, kim.phone)).length;

  assert.equal(await sendFulfilledOrder(`http://127.0.0.1:${ports.reviews}`, m, kim), 200);
  await crash(); // the 200 was given: the order and its scheduled request must survive

  await start();
  await advance(86_400_000);
  for (const delay of [5, 60, 200]) {
    await sleep(delay);
    await crash(); // somewhere in: request created → connector calls → automation → outbox → carrier
    await start();
    await advance(31_000); // jobs the killed process had claimed are leased for 30 s; let that time pass
  }
  await until('the review text', async () => (await textsTo(sms, kim.phone)).length > baseline, 20_000);
  await sleep(2500); // any duplicate would arrive in this window (retries, reconciliation)
  const all = await textsTo(sms, kim.phone);
  assert.equal(all.length, baseline + 1, `exactly one review text, got: ${JSON.stringify(all.slice(baseline))}`);
  assert.match(all.at(-1)!.body, /^Hi Kim, review us: http/);
  server!.kill('SIGTERM');
  await exited(server!);
  server = undefined;
});
