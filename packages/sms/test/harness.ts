/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are untyped JSON, read by assertions */
import assert from 'node:assert/strict';
import { DevClock, loadConfig, silentLogger, testStorage, type RapportConfig } from '@rapport/kit';
import { createShop, createSmsService, openSmsDatabase, type SmsDatabase, type SmsProvider, type SmsService } from '../src/index.js';
import { createDevCarrier } from '../src/providers/dev-carrier.js';
import { DEV_SENDER_NUMBER } from '../src/context.js';

/**
 * One SMS service per test file: a fresh database (SQLite dir or PostgreSQL schema), a frozen clock, the dev
 * carrier. Tests drive the worker with `runDue()` and isolate themselves with their own shop and phone numbers.
 */

/** 2026-03-10 (a Tuesday) 16:00 UTC = noon in New York (EDT). */
export const START = new Date('2026-03-10T16:00:00Z');

export interface Shop {
  shopId: string;
  name: string;
  publicKey: string;
  privateKey: string;
  keyId: string;
  headers: { authorization: string };
}

export interface Harness {
  database: SmsDatabase;
  clock: DevClock;
  service: SmsService;
  config: RapportConfig;
  newShop(name?: string): Promise<Shop>;
  request(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
    url: string,
    opts?: { shop?: Shop; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  runDue(): Promise<number>;
  /**
   * Texts the dev carrier delivered to a phone, oldest first, each short link (`…/l/{code}`) written as
   * the URL it leads to — what the recipient reads once they tap it (read from the link table: no click).
   */
  texts(phone: string): Promise<string[]>;
  /** The texts exactly as sent, short links and all. */
  rawTexts(phone: string): Promise<string[]>;
  /** A reply from a phone through the dev carrier. */
  reply(phone: string, body: string): Promise<any>;
  /** Creates a subscriber and confirms them with Y (they get the prompt and the confirmation). */
  subscribe(shop: Shop, phone: string, extra?: Record<string, unknown>): Promise<any>;
  close(): Promise<void>;
}

/** A short link of the SMS platform in a text. */
export const SHORT_LINK = /https?:\/\/[^\s/]+\/l\/([A-Za-z0-9_-]+)/g;

let phoneCounter = 0;
const AREA_CODES = ['212', '646', '917', '718', '347', '929'];

/** A fresh New York number in the fictional 555-01xx range, unique within the process. */
export function nextPhone(areaCode?: string): string {
  const n = phoneCounter++;
  const area = areaCode ?? AREA_CODES[Math.floor(n / 100) % AREA_CODES.length];
  return `+1${area}55501${String(n % 100).padStart(2, '0')}`;
}

export async function startHarness(
  opts: { provider?: (database: SmsDatabase, clock: DevClock) => SmsProvider; config?: Partial<RapportConfig> } = {},
): Promise<Harness> {
  const storage = testStorage();
  const database = await openSmsDatabase(storage);
  const clock = new DevClock(START, { frozen: true });
  const config: RapportConfig = { ...loadConfig({}), dev: true, smsProvider: 'dev', secretKey: 'test-secret', ...opts.config };
  const provider = opts.provider ? opts.provider(database, clock) : createDevCarrier(database, clock, DEV_SENDER_NUMBER);
  const service = await createSmsService({ database, clock, log: silentLogger, config, devClock: clock, provider });
  let shopCounter = 0;

  const h: Harness = {
    database,
    clock,
    service,
    config,
    async newShop(name) {
      const shopName = name ?? `Shop ${++shopCounter}`;
      const r = await createShop(database, clock, { name: shopName, label: 'tests' }, { secretKey: config.secretKey ?? '' });
      return {
        shopId: r.shop_id,
        name: shopName,
        publicKey: r.public_key,
        privateKey: r.private_key,
        keyId: r.key_id,
        headers: { authorization: `Bearer ${r.private_key}` },
      };
    },
    async request(method, url, o = {}) {
      const res = await service.app.inject({
        method,
        url,
        headers: {
          ...(o.shop ? o.shop.headers : {}),
          ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...o.headers,
        },
        ...(o.body !== undefined ? { payload: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) } : {}),
      });
      const type = String(res.headers['content-type'] ?? '');
      return { status: res.statusCode, body: type.includes('json') ? res.json() : res.body, headers: res.headers };
    },
    runDue: () => service.worker.runDue(),
    async rawTexts(phone) {
      const r = await h.request('GET', `/dev/carrier/messages?to=${encodeURIComponent(phone)}`);
      assert.equal(r.status, 200, JSON.stringify(r.body));
      return (r.body.messages as { body: string }[]).map((m) => m.body);
    },
    async texts(phone) {
      const texts = await h.rawTexts(phone);
      const codes = texts.flatMap((t) => [...t.matchAll(SHORT_LINK)].map((m) => m[1] as string));
      if (codes.length === 0) return texts;
      const links = await database.db.selectFrom('short_links').select(['code', 'url']).where('code', 'in', codes).execute();
      const urls = new Map(links.map((l) => [l.code, l.url]));
      return texts.map((t) => t.replace(SHORT_LINK, (link, code: string) => urls.get(code) ?? link));
    },
    async reply(phone, body) {
      const r = await h.request('POST', '/dev/carrier/inbound', { body: { from: phone, body } });
      assert.equal(r.status, 200, JSON.stringify(r.body));
      await h.runDue();
      return r.body;
    },
    async subscribe(shop, phone, extra = {}) {
      const r = await h.request('POST', '/api/v2/subscribers', { shop, body: { phone_number: phone, ...extra } });
      assert.equal(r.status, 201, JSON.stringify(r.body));
      await h.runDue();
      await h.reply(phone, 'Y');
      const s = await h.request('GET', `/api/v2/subscribers/${r.body.id}`, { shop });
      assert.equal(s.body.status, 'subscribed');
      return s.body;
    },
    async close() {
      await service.close();
      await database.destroyData();
      await database.close();
      await storage.cleanup();
    },
  };
  return h;
}
