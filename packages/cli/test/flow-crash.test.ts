// Fault injection with a real crash, for automation flows: `rapport start` is killed with SIGKILL at random
// moments while runs move between steps (text → 1 h → text → 1 h → text). After each restart the runs go on
// from the database; every subscriber must end up with each of the three texts exactly once, in order.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { ChildProcess } from 'node:child_process';
import { testStorage } from '@rapport/kit';
import { freePort } from '../src/ports.js';
import { exited, rapportJson, startServer } from './helpers/cli.js';
import { postJson, processEnv, sleep, textsTo, until } from './helpers/processes.js';

/** Subscribers in the flow; FLOW_CRASH_SUBSCRIBERS raises it for a long run. */
const SUBSCRIBERS = Number(process.env['FLOW_CRASH_SUBSCRIBERS'] ?? 8);
const HOUR = 3_600_000;

const storage = testStorage();
let server: ChildProcess | undefined;
after(async () => {
  server?.kill('SIGKILL');
  await storage.cleanup();
});

test('SIGKILL between and during flow steps: each text of each run goes exactly once', { timeout: 180_000 }, async () => {
  const ports = { sms: await freePort(), reviews: await freePort() };
  const sms = `http://127.0.0.1:${ports.sms}`;
  const base = processEnv(storage, ports, { RAPPORT_DEV: '1' });
  let now = '2026-03-10T15:00:00.000Z'; // 11:00 in New York: every step lands inside the sending window
  const start = async () => (server = await startServer({ ...base, RAPPORT_NOW: now }, ports));
  const crash = async () => {
    now = ((await (await fetch(`${sms}/dev/clock`)).json()) as { now: string }).now;
    server!.kill('SIGKILL');
    await exited(server!);
  };
  const advance = (ms: number) => postJson(`${sms}/dev/clock/advance`, { ms });
  await start();

  const shop = await rapportJson<{ shop_id: string; private_key: string }>(['sms', 'create-shop', '--name', 'Flow Crash Co'], {
    ...base,
    RAPPORT_NOW: now,
  });
  const auth = { authorization: `Bearer ${shop.private_key}` };
  const step = (n: number, next: string | null) => ({ id: `text${n}`, type: 'message', body: `step ${n} for {first_name}`, next });
  const wait = (n: number) => ({ id: `wait${n}`, type: 'delay', duration: { hours: 1 }, next: `text${n + 1}` });
  const created = await postJson(
    `${sms}/api/flows`,
    {
      name: 'Three texts',
      publish: true,
      graph: {
        version: 1,
        trigger: { kind: 'event', event_type: 'Okendo Loyalty Points Awarded' },
        reentry: { mode: 'every_time' },
        start: 'text1',
        nodes: [step(1, 'wait1'), wait(1), step(2, 'wait2'), wait(2), step(3, null)],
      },
    },
    auth,
  );
  assert.equal(created.status, 201, await created.text());

  const phones = Array.from({ length: SUBSCRIBERS }, (_, i) => `+1212555${String(2000 + i).padStart(4, '0')}`);
  for (const [i, phone] of phones.entries()) {
    const r = await postJson(`${sms}/api/v2/subscribers`, { phone_number: phone, first_name: `P${i}` }, auth);
    assert.ok(r.status < 300, await r.text());
    await until('the opt-in prompt', async () => (await textsTo(sms, phone)).length >= 1);
    await postJson(`${sms}/dev/carrier/inbound`, { from: phone, body: 'Y' });
  }
  await until('every confirmation', async () => (await Promise.all(phones.map((p) => textsTo(sms, p)))).every((t) => t.length >= 2));

  // Events go in while the process is killed now and then: an accepted event (202) must never be lost.
  for (const [i, phone] of phones.entries()) {
    const r = await postJson(
      `${sms}/api/v2/events`,
      { type: 'Okendo Loyalty Points Awarded', phone, properties: { 'Points Earned': i }, external_id: `award-${i}` },
      auth,
    );
    assert.equal(r.status, 202);
    if (i % 4 === 3) {
      await crash();
      await start();
    }
  }
  for (const hop of [HOUR, HOUR]) {
    await advance(hop);
    for (const delay of [5, 40, 150]) {
      await sleep(delay);
      await crash(); // somewhere in: move claimed → step rows and outbox row committed → send → done
      await start();
      await advance(31_000); // jobs the killed process had claimed are leased for 30 s; let that time pass
    }
  }
  const expected = (i: number) => [1, 2, 3].map((n) => `step ${n} for P${i}`);
  const flowTexts = async (phone: string) =>
    (await textsTo(sms, phone)).map((t) => t.body.split('\n')[0]!).filter((b) => b.startsWith('step '));
  await until('every third text', async () => (await Promise.all(phones.map(flowTexts))).every((t) => t.length >= 3), 30_000);
  await sleep(2500); // any duplicate would arrive in this window (retries, reconciliation)
  for (const [i, phone] of phones.entries()) assert.deepEqual(await flowTexts(phone), expected(i), phone);
  server!.kill('SIGTERM');
  await exited(server!);
  server = undefined;
});
