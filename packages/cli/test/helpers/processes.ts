// The seed's story driven against `rapport` processes (not in-process services): set-up through the
// real CLI, then only HTTP. Shared by the crash and scale-out tests, which differ only in what they do
// to the processes in between.
import assert from 'node:assert/strict';
import { orderPayload, webhookRequest } from '@rapport/reviews/dev';
import { rapportJson } from './cli.js';

export type Env = Record<string, string | undefined>;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The environment that points every process at one storage and one pair of ports. */
export function processEnv(
  storage: { dataDir: string; databaseUrl?: string; schemaPrefix?: string },
  ports: { sms: number; reviews: number },
  extra: Env = {},
): Env {
  return {
    RAPPORT_DATA_DIR: storage.dataDir,
    DATABASE_URL: storage.databaseUrl ?? '',
    RAPPORT_PG_SCHEMA_PREFIX: storage.schemaPrefix ?? '',
    SMS_PORT: String(ports.sms),
    REVIEWS_PORT: String(ports.reviews),
    ...extra,
  };
}

export interface CliMerchant {
  privateKey: string;
  webhookSecret: string;
  shopDomain: string;
}

/** Steps 1–4 through the CLI: shop + key pair, store, Postscript integration, automation, started sequence. */
export async function setUpMerchantWithCli(
  env: Env,
  input: { name: string; shopDomain: string; message: string; waitDays: number },
): Promise<CliMerchant> {
  const shop = await rapportJson<{ shop_id: string; private_key: string }>(['sms', 'create-shop', '--name', input.name], env);
  const store = await rapportJson<{ store_id: string; webhook_secret: string }>(
    ['reviews', 'create-store', '--name', input.name, '--shop-domain', input.shopDomain],
    env,
  );
  await rapportJson(['reviews', 'connect-postscript', '--store', store.store_id, '--private-key', shop.private_key], env);
  await rapportJson(
    ['sms', 'create-automation', '--shop', shop.shop_id, '--trigger', 'Okendo Review Request', '--message', input.message, '--enable'],
    env,
  );
  await rapportJson(
    ['reviews', 'create-sequence', '--store', store.store_id, '--wait-days', String(input.waitDays), '--after', 'fulfillment', '--start'],
    env,
  );
  return { privateKey: shop.private_key, webhookSecret: store.webhook_secret, shopDomain: input.shopDomain };
}

export async function textsTo(smsUrl: string, phone: string): Promise<{ body: string }[]> {
  const res = await fetch(`${smsUrl}/dev/carrier/messages?to=${encodeURIComponent(phone)}`);
  return ((await res.json()) as { messages: { body: string }[] }).messages;
}

/** Polls until `check` holds: processes work in the background, so there is nothing to await directly. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** Step 5: POST /api/v2/subscribers, then the phone answers Y; waits for both texts. */
export async function subscribeAndConfirm(
  smsUrl: string,
  m: CliMerchant,
  person: { phone: string; email: string; firstName: string },
): Promise<void> {
  const created = await postJson(
    `${smsUrl}/api/v2/subscribers`,
    { phone_number: person.phone, email: person.email, first_name: person.firstName },
    { authorization: `Bearer ${m.privateKey}` },
  );
  assert.ok(created.status < 300);
  await until('the double opt-in text', async () => (await textsTo(smsUrl, person.phone)).length >= 1);
  await postJson(`${smsUrl}/dev/carrier/inbound`, { from: person.phone, body: 'Y' });
  await until('the confirmation text', async () => (await textsTo(smsUrl, person.phone)).length >= 2);
}

/** Step 6: Shopify's signed orders/fulfilled webhook for one order of this person; returns the HTTP status. */
export async function sendFulfilledOrder(
  reviewsUrl: string,
  m: CliMerchant,
  person: { phone: string; email: string; firstName: string },
): Promise<number> {
  const order = orderPayload({ customer: { email: person.email, phone: person.phone, firstName: person.firstName }, fulfilled: true });
  const req = webhookRequest({ secret: m.webhookSecret, shopDomain: m.shopDomain, topic: 'orders/fulfilled', payload: order });
  return (await fetch(`${reviewsUrl}${req.url}`, { method: 'POST', headers: req.headers, body: req.body })).status;
}
