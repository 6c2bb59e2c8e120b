// Fault injection with a real crash: `rapport start` is killed with SIGKILL right after accepting a
// webhook and again at random moments while the review text is being produced and sent. After each
// restart the work resumes from the database; the subscriber must end up with exactly one text.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { ChildProcess } from 'node:child_process';
import { testStorage } from '@rapport/kit';
import { orderPayload, webhookRequest } from '@rapport/reviews';
import { freePort } from '../src/ports.js';
import { exited, rapportJson, startServer } from './helpers/cli.js';

const storage = testStorage();
let server: ChildProcess | undefined;
after(async () => {
  server?.kill('SIGKILL');
  await storage.cleanup();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('SIGKILL after the webhook 200 and during sending: the text still goes, exactly once', async () => {
  const ports = { sms: await freePort(), reviews: await freePort() };
  const sms = `http://127.0.0.1:${ports.sms}`;
  const base = {
    RAPPORT_DATA_DIR: storage.dataDir,
    DATABASE_URL: storage.databaseUrl ?? '',
    RAPPORT_PG_SCHEMA_PREFIX: storage.schemaPrefix ?? '',
    SMS_PORT: String(ports.sms),
    REVIEWS_PORT: String(ports.reviews),
    RAPPORT_DEV: '1',
  };
  let now = '2026-03-10T15:00:00.000Z';
  const start = async () => (server = await startServer({ ...base, RAPPORT_NOW: now }, ports));
  const crash = async () => {
    now = ((await (await fetch(`${sms}/dev/clock`)).json()) as { now: string }).now;
    server!.kill('SIGKILL');
    await exited(server!);
  };
  await start();

  const shop = await rapportJson<{ shop_id: string; private_key: string }>(['sms', 'create-shop', '--name', 'Crash Test Co'], {
    ...base,
    RAPPORT_NOW: now,
  });
  const store = await rapportJson<{ store_id: string; webhook_secret: string }>(
    ['reviews', 'create-store', '--name', 'Crash', '--shop-domain', 'crash.myshopify.com'],
    { ...base, RAPPORT_NOW: now },
  );
  await rapportJson(['reviews', 'connect-postscript', '--store', store.store_id, '--private-key', shop.private_key], {
    ...base,
    RAPPORT_NOW: now,
  });
  await rapportJson(
    [
      'sms',
      'create-automation',
      '--shop',
      shop.shop_id,
      '--trigger',
      'Okendo Review Request',
      '--message',
      'Hi {first_name}, review us: {review_url}',
      '--enable',
    ],
    { ...base, RAPPORT_NOW: now },
  );
  await rapportJson(['reviews', 'create-sequence', '--store', store.store_id, '--wait-days', '1', '--after', 'fulfillment', '--start'], {
    ...base,
    RAPPORT_NOW: now,
  });

  const phone = '+12125550177';
  const texts = async () =>
    ((await (await fetch(`${sms}/dev/carrier/messages?to=${encodeURIComponent(phone)}`)).json()) as { messages: { body: string }[] })
      .messages;
  const until = async (what: string, check: () => Promise<boolean>) => {
    const deadline = performance.now() + 20_000;
    while (!(await check())) {
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  };
  const sub = await fetch(`${sms}/api/v2/subscribers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${shop.private_key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ phone_number: phone, email: 'kim@example.com', first_name: 'Kim' }),
  });
  assert.ok(sub.status < 300);
  await until('the double opt-in text', async () => (await texts()).length >= 1);
  await fetch(`${sms}/dev/carrier/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: phone, body: 'Y' }),
  });
  await until('the confirmation text', async () => (await texts()).length >= 2);
  const baseline = (await texts()).length;

  const order = orderPayload({ customer: { email: 'kim@example.com', phone, firstName: 'Kim' }, fulfilled: true });
  const req = webhookRequest({
    secret: store.webhook_secret,
    shopDomain: 'crash.myshopify.com',
    topic: 'orders/fulfilled',
    payload: order,
  });
  const res = await fetch(`http://127.0.0.1:${ports.reviews}${req.url}`, { method: 'POST', headers: req.headers, body: req.body });
  assert.equal(res.status, 200);
  await crash(); // the 200 was given: the order and its scheduled request must survive

  await start();
  await fetch(`${sms}/dev/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ms: 86_400_000 }),
  });
  const expireLeases = () =>
    // Jobs the killed process had claimed are leased for 30 s; let that time pass on the dev clock.
    fetch(`${sms}/dev/clock/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms: 31_000 }),
    });
  for (const delay of [5, 60, 200]) {
    await sleep(delay);
    await crash(); // somewhere in: request created → connector calls → automation → outbox → carrier
    await start();
    await expireLeases();
  }
  await until('the review text', async () => (await texts()).length > baseline);
  await sleep(2500); // any duplicate would arrive in this window (retries, reconciliation)
  const all = await texts();
  assert.equal(all.length, baseline + 1, `exactly one review text, got: ${JSON.stringify(all.slice(baseline))}`);
  assert.match(all.at(-1)!.body, /^Hi Kim, review us: http/);
  server!.kill('SIGTERM');
  await exited(server!);
  server = undefined;
});
