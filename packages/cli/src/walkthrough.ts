import type { Clock } from '@rapport/kit';
import { createLegacyAutomation, createShop } from '@rapport/sms';
import { connectPostscript, createSequence, createStore } from '@rapport/reviews';
import { webhookRequest } from '@rapport/reviews/dev';
import type { RunningPlatform } from './platform.js';

/**
 * The seed's story as steps over the real interfaces (admin functions for set-up, then only HTTP:
 * the Postscript API, the dev carrier, Shopify webhooks, the dev clock). Shared by `rapport demo` and
 * the end-to-end tests, so the demo shows exactly what the tests check.
 */
export interface Stage {
  platform: RunningPlatform;
  clock: Clock;
  /** Runs both services' due jobs until neither has anything left. */
  settle(): Promise<void>;
}

export const DAY = 86_400_000;
export const REVIEW_MESSAGE = 'Thanks {first_name}! Tell us what you think: {review_url}';

export interface Merchant {
  shopId: string;
  privateKey: string;
  storeId: string;
  shopDomain: string;
  webhookSecret: string;
  /** The store's admin API key (rk_…). */
  storeKey: string;
}

let shopCounter = 0;

/** Steps 1–4 of the seed's story: key pair, Postscript integration, legacy automation, started sequence. */
export async function setUpMerchant(h: Stage, sequence: { waitDays: number; after: 'fulfillment' | 'delivery' }): Promise<Merchant> {
  const { platform, clock } = h;
  const shop = await createShop(platform.smsDb, clock, { name: 'Acme Outfitters', label: 'Okendo' });
  const shopDomain = `acme-${++shopCounter}.myshopify.com`;
  const store = await createStore(platform.reviewsDb, clock, { name: 'Acme Outfitters', shopDomain });
  await connectPostscript(platform.reviewsDb, clock, { storeId: store.store_id, privateKey: shop.private_key, apiUrl: platform.smsUrl });
  await createLegacyAutomation(platform.smsDb, clock, {
    shopId: shop.shop_id,
    trigger: 'Okendo Review Request',
    message: REVIEW_MESSAGE,
    enabled: true,
  });
  await createSequence(platform.reviewsDb, clock, {
    storeId: store.store_id,
    waitDays: sequence.waitDays,
    after: sequence.after,
    start: true,
  });
  return {
    shopId: shop.shop_id,
    privateKey: shop.private_key,
    storeId: store.store_id,
    shopDomain,
    webhookSecret: store.webhook_secret,
    storeKey: store.api_key,
  };
}

/** Calls the SMS platform's API as the merchant's key holder. The JSON is whatever the route answers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- story glue reads several response shapes
export async function api(h: Stage, m: Merchant, method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(`${h.platform.smsUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${m.privateKey}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: await res.json() };
}

/** Step 5: a subscriber created through the API who confirms by replying Y to the double opt-in text. */
export async function subscribe(h: Stage, m: Merchant, person: { phone: string; email: string; firstName: string }): Promise<string> {
  const created = await api(h, m, 'POST', '/api/v2/subscribers', {
    phone_number: person.phone,
    email: person.email,
    first_name: person.firstName,
  });
  if (created.status >= 300) throw new Error(`subscribe failed: ${JSON.stringify(created.json)}`);
  await h.settle();
  await inbound(h, person.phone, 'Y');
  return created.json.id ?? created.json.subscriber?.id;
}

export async function inbound(h: Stage, from: string, body: string): Promise<void> {
  const res = await fetch(`${h.platform.smsUrl}/dev/carrier/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, body }),
  });
  if (res.status >= 300) throw new Error(`inbound failed: ${res.status} ${await res.text()}`);
  await h.settle();
}

export async function texts(h: Stage, to: string): Promise<{ body: string }[]> {
  const res = await fetch(`${h.platform.smsUrl}/dev/carrier/messages?to=${encodeURIComponent(to)}`);
  return ((await res.json()) as { messages: { body: string }[] }).messages;
}

export async function shopify(
  h: Stage,
  m: Merchant,
  topic: string,
  payload: unknown,
  opts: { webhookId?: string; signature?: string | null } = {},
) {
  const req = webhookRequest({ secret: m.webhookSecret, shopDomain: m.shopDomain, topic, payload, ...opts });
  const res = await fetch(`${h.platform.reviewsUrl}${req.url}`, { method: 'POST', headers: req.headers, body: req.body });
  const text = await res.text();
  await h.settle();
  return { status: res.status, body: text };
}

export async function eventsOf(
  h: Stage,
  m: Merchant,
  subscriberId: string,
): Promise<{ type: string; properties: Record<string, unknown> }[]> {
  return (await api(h, m, 'GET', `/api/v2/events?subscriber_id=${encodeURIComponent(subscriberId)}`)).json.events;
}

export async function advance(h: Stage, ms: number): Promise<void> {
  const res = await fetch(`${h.platform.smsUrl}/dev/clock/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ms }),
  });
  if (res.status !== 200) throw new Error(`advance failed: ${res.status}`);
  await h.settle();
}

/**
 * The review link a text carries, as the shopper lands on it: marketing texts carry the SMS platform's
 * short link (`…/l/{code}`), which is opened (a click, as a tap would be) and its redirect read.
 */
export async function reviewUrlIn(text: string): Promise<string> {
  const direct = /(https?:\/\/\S+\/r\/\S+)/.exec(text)?.[1];
  if (direct) return direct;
  const short = /(https?:\/\/\S+\/l\/[A-Za-z0-9_-]+)/.exec(text)?.[1];
  if (!short) throw new Error(`no review URL in: ${text}`);
  const res = await fetch(short, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location || !/\/r\/\S+/.test(location))
    throw new Error(`the link in "${text}" leads to ${res.status} ${location ?? ''}`);
  return location;
}

/** Runs both services' due jobs, back and forth, until neither has anything left to do now. */
export async function settleJobs(platform: RunningPlatform): Promise<void> {
  for (let round = 0; round < 50; round++) {
    const ran = (await platform.reviews.worker.runDue()) + (await platform.sms.worker.runDue());
    if (ran === 0) return;
  }
  throw new Error('jobs did not settle in 50 rounds');
}

export interface ReviewAnswers {
  rating: number;
  title: string;
  body: string;
  recommend: boolean;
}

/**
 * Step 7: open the review link as a shopper's browser would (GET the form), then post the form for the
 * product it shows, form-encoded like the page's own <form>. Returns both HTTP exchanges.
 */
export async function reviewThroughLink(
  h: Stage,
  url: string,
  answers: ReviewAnswers,
): Promise<{ formStatus: number; formHtml: string; submitStatus: number; submitHtml: string }> {
  const form = await fetch(url);
  const formHtml = await form.text();
  const fields: Record<string, string> = {
    rating: String(answers.rating),
    title: answers.title,
    body: answers.body,
    recommend: answers.recommend ? 'yes' : 'no',
  };
  const product = /name="product_id"\s+value="([^"]+)"/.exec(formHtml)?.[1];
  if (product) fields['product_id'] = product;
  const submit = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const submitHtml = await submit.text();
  await h.settle();
  return { formStatus: form.status, formHtml, submitStatus: submit.status, submitHtml };
}
