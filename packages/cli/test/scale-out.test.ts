// The scale-out shape: one `rapport start --api-only` process and two `rapport worker` processes over
// the same storage (PostgreSQL in the second pass). Work enqueued by the API process is picked up by a
// worker process; two workers competing for it still send exactly one text.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { ChildProcess } from 'node:child_process';
import { testStorage } from '@rapport/kit';
import { orderPayload, webhookRequest } from '@rapport/reviews';
import { freePort } from '../src/ports.js';
import { exited, rapportJson, startServer, startWorker } from './helpers/cli.js';

const storage = testStorage();
const children: ChildProcess[] = [];
after(async () => {
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map((c) => exited(c)));
  await storage.cleanup();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('API-only process + two worker processes: the review text goes out once', async () => {
  const ports = { sms: await freePort(), reviews: await freePort() };
  const sms = `http://127.0.0.1:${ports.sms}`;
  const env = {
    RAPPORT_DATA_DIR: storage.dataDir,
    DATABASE_URL: storage.databaseUrl ?? '',
    RAPPORT_PG_SCHEMA_PREFIX: storage.schemaPrefix ?? '',
    SMS_PORT: String(ports.sms),
    REVIEWS_PORT: String(ports.reviews),
    RAPPORT_NOW: '2026-03-10T15:00:00Z', // 11:00 in New York: inside waking hours in every process
  };
  children.push(await startServer(env, ports, ['--api-only']));
  children.push(startWorker(env), startWorker(env));

  const shop = await rapportJson<{ shop_id: string; private_key: string }>(['sms', 'create-shop', '--name', 'Scale Co'], env);
  const store = await rapportJson<{ store_id: string; webhook_secret: string }>(
    ['reviews', 'create-store', '--name', 'Scale', '--shop-domain', 'scale.myshopify.com'],
    env,
  );
  await rapportJson(['reviews', 'connect-postscript', '--store', store.store_id, '--private-key', shop.private_key], env);
  await rapportJson(
    [
      'sms',
      'create-automation',
      '--shop',
      shop.shop_id,
      '--trigger',
      'Okendo Review Request',
      '--message',
      'Hi {first_name}: {review_url}',
      '--enable',
    ],
    env,
  );
  await rapportJson(
    ['reviews', 'create-sequence', '--store', store.store_id, '--wait-days', '0', '--after', 'fulfillment', '--start'],
    env,
  );

  const phone = '+12125550188';
  const texts = async () =>
    ((await (await fetch(`${sms}/dev/carrier/messages?to=${encodeURIComponent(phone)}`)).json()) as { messages: { body: string }[] })
      .messages;
  const until = async (what: string, check: () => Promise<boolean>) => {
    const deadline = performance.now() + 30_000;
    while (!(await check())) {
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  };
  const created = await fetch(`${sms}/api/v2/subscribers`, {
    method: 'POST',
    headers: { authorization: `Bearer ${shop.private_key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ phone_number: phone, email: 'max@example.com', first_name: 'Max' }),
  });
  assert.ok(created.status < 300);
  await until('the double opt-in text (sent by a worker process)', async () => (await texts()).length >= 1);
  await fetch(`${sms}/dev/carrier/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from: phone, body: 'Y' }),
  });
  await until('the confirmation text', async () => (await texts()).length >= 2);

  const order = orderPayload({ customer: { email: 'max@example.com', phone, firstName: 'Max' }, fulfilled: true });
  const req = webhookRequest({
    secret: store.webhook_secret,
    shopDomain: 'scale.myshopify.com',
    topic: 'orders/fulfilled',
    payload: order,
  });
  assert.equal(
    (await fetch(`http://127.0.0.1:${ports.reviews}${req.url}`, { method: 'POST', headers: req.headers, body: req.body })).status,
    200,
  );
  await until('the review text', async () => (await texts()).length >= 3);
  await sleep(2000); // a second worker sending it again would show up here
  const all = await texts();
  assert.equal(all.length, 3, JSON.stringify(all));
  assert.match(all[2]!.body, /^Hi Max: http/);
});
