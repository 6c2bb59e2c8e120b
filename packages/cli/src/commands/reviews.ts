import type { RapportConfig } from '@rapport/kit';
import { connectPostscript, createSequence, createStore } from '@rapport/reviews';
import { emit } from '../output.js';
import { clockFor, storageOf, withReviews } from '../runtime.js';

// `rapport reviews …`: the options arrive parsed and validated (program.ts); these only act and print.

export async function createStoreCommand(config: RapportConfig, o: { name: string; shopDomain: string; json?: boolean }): Promise<void> {
  const { clock } = clockFor(config);
  const r = await withReviews(storageOf(config), (db) => createStore(db, clock, { name: o.name, shopDomain: o.shopDomain }));
  emit(
    o.json === true,
    r,
    `Created store ${r.store_id}\n  API key (shown once): ${r.api_key}\n  Shopify webhook secret: ${r.webhook_secret}\n  Webhook URL: ${config.reviewsPublicUrl}/webhooks/shopify`,
  );
}

export async function connectPostscriptCommand(
  config: RapportConfig,
  o: { store: string; privateKey: string; apiUrl?: string; eventNames?: 'seed' | 'postscript_safe'; json?: boolean },
): Promise<void> {
  const { clock } = clockFor(config);
  const r = await withReviews(storageOf(config), (db) =>
    connectPostscript(db, clock, {
      storeId: o.store,
      privateKey: o.privateKey,
      apiUrl: o.apiUrl ?? config.smsApiUrl,
      ...(o.eventNames ? { eventNames: o.eventNames } : {}),
      ...(config.secretKey ? { secretKey: config.secretKey } : {}),
    }),
  );
  emit(o.json === true, r, `Connected to Postscript shop "${r.shop_name}"; the "Okendo Review Request" trigger is registered.`);
}

export async function createSequenceCommand(
  config: RapportConfig,
  o: { store: string; waitDays: number; after: 'fulfillment' | 'delivery'; name?: string; start?: boolean; json?: boolean },
): Promise<void> {
  const { clock } = clockFor(config);
  const r = await withReviews(storageOf(config), (db) =>
    createSequence(db, clock, {
      storeId: o.store,
      waitDays: o.waitDays,
      after: o.after,
      start: o.start === true,
      ...(o.name ? { name: o.name } : {}),
    }),
  );
  emit(
    o.json === true,
    r,
    `Created sequence ${r.sequence_id}: wait ${o.waitDays} day(s) after ${o.after}${o.start ? ', started' : ' (not started)'}`,
  );
}
