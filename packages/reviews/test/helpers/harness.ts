/**
 * One reviews service per test file: a fresh database (SQLite temp dir, or a private PostgreSQL schema
 * when TEST_DATABASE_URL is set), a frozen DevClock, the fake Postscript API on a real port, and helpers
 * that read like the seed's story (store, connect, sequence, webhook, settle).
 */
import { DevClock, loadConfig, silentLogger, testStorage, type RapportConfig } from '@rapport/kit';
import type { LightMyRequestResponse } from 'fastify';
import {
  connectPostscript,
  createReviewsService,
  createSequence,
  createStore,
  openReviewsDatabase,
  type ReviewsDatabase,
  type ReviewsService,
} from '../../src/index.js';
import { webhookRequest } from '../../src/dev/shopify.js';
import { startFakePostscript, GOOD_KEY, type FakePostscript } from './fake-postscript.js';

export const START = new Date('2026-03-02T15:00:00.000Z');
export const PUBLIC_URL = 'http://reviews.test:4200';
/** RAPPORT_ADMIN_TOKEN of the harness's service (unless startHarness is told otherwise). */
export const ADMIN_TOKEN = 'test-admin-token';

export interface TestStore {
  id: string;
  secret: string;
  domain: string;
  /** The store's API key (rk_…), for `Authorization: Bearer`. */
  apiKey: string;
}

export interface Harness {
  clock: DevClock;
  database: ReviewsDatabase;
  service: ReviewsService;
  fake: FakePostscript;
  config: RapportConfig;
  createStore(domain?: string): Promise<TestStore>;
  /** Headers that authenticate as a store (its API key), for the admin API. */
  auth(store: { apiKey: string }): { authorization: string };
  /** Headers that carry the admin token (create / list stores). */
  admin(): { authorization: string };
  connect(store: TestStore): Promise<void>;
  sequence(store: TestStore, waitDays: number, after: 'fulfillment' | 'delivery'): Promise<string>;
  webhook(
    store: TestStore,
    topic: string,
    payload: unknown,
    opts?: { webhookId?: string; signature?: string | null },
  ): Promise<LightMyRequestResponse>;
  /** Runs every job due now (and what they enqueue for now), without moving the clock. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

let storeCounter = 0;

/**
 * `secretKey` plays RAPPORT_SECRET_KEY for the service (default: none, so keys are sealed with a generated key);
 * `adminToken` plays RAPPORT_ADMIN_TOKEN (default: ADMIN_TOKEN; null: none configured).
 */
export async function startHarness(opts: { secretKey?: string; adminToken?: string | null } = {}): Promise<Harness> {
  const storage = testStorage();
  const database = await openReviewsDatabase(storage);
  const clock = new DevClock(START, { frozen: true });
  const fake = await startFakePostscript();
  const config: RapportConfig = {
    ...loadConfig({}),
    reviewsPublicUrl: PUBLIC_URL,
    smsApiUrl: fake.url,
    dev: true,
    secretKey: opts.secretKey,
    adminToken: opts.adminToken === null ? undefined : (opts.adminToken ?? ADMIN_TOKEN),
  };
  const service = await createReviewsService({ database, clock, log: silentLogger, config, devClock: clock });

  return {
    clock,
    database,
    service,
    fake,
    config,
    async createStore(domain) {
      storeCounter += 1;
      const shopDomain = domain ?? `shop-${process.pid}-${storeCounter}.myshopify.com`;
      const r = await createStore(database, clock, { name: `Acme ${storeCounter}`, shopDomain });
      return { id: r.store_id, secret: r.webhook_secret, domain: shopDomain, apiKey: r.api_key };
    },
    auth(store) {
      return { authorization: `Bearer ${store.apiKey}` };
    },
    admin() {
      return { authorization: `Bearer ${config.adminToken ?? ''}` };
    },
    async connect(store) {
      // The fake plays real Postscript (no Rapport-Service header), whose default is Postscript-safe event
      // names; these stories read the seed's names, so they choose them.
      await connectPostscript(database, clock, { storeId: store.id, privateKey: GOOD_KEY, apiUrl: fake.url, eventNames: 'seed' });
    },
    async sequence(store, waitDays, after) {
      const r = await createSequence(database, clock, { storeId: store.id, waitDays, after, start: true });
      return r.sequence_id;
    },
    async webhook(store, topic, payload, opts = {}) {
      const req = webhookRequest({
        secret: store.secret,
        shopDomain: store.domain,
        topic,
        payload,
        ...(opts.webhookId !== undefined ? { webhookId: opts.webhookId } : {}),
        ...(opts.signature !== undefined ? { signature: opts.signature } : {}),
      });
      return service.app.inject({ method: req.method, url: req.url, headers: req.headers, payload: req.body });
    },
    async settle() {
      await service.worker.runDue();
    },
    async close() {
      await service.close();
      await fake.close();
      await database.destroyData();
      await database.close();
      await storage.cleanup();
    },
  };
}

/** Row counts of every table, to assert that a refused request changed nothing. */
export async function tableCounts(database: ReviewsDatabase): Promise<Record<string, number>> {
  const tables = [
    'stores',
    'customers',
    'products',
    'orders',
    'fulfillments',
    'shopify_webhooks',
    'sequences',
    'review_requests',
    'review_request_products',
    'reviews',
    'postscript_integrations',
    'postscript_outbox',
    'jobs',
  ] as const;
  const out: Record<string, number> = {};
  for (const t of tables) {
    const row = await database.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(row.n);
  }
  return out;
}

export const DAY = 86_400_000;
