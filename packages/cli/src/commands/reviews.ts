import type { RapportConfig } from '@rapport/kit';
import { connectPostscript, createSequence, createStore } from '@rapport/reviews';
import { integer, parseFlags, required } from '../args.js';
import { emit, UsageError } from '../output.js';
import { clockFor, storageOf, withReviews } from '../runtime.js';

export async function reviewsCommand(config: RapportConfig, [sub, ...argv]: string[]): Promise<void> {
  const storage = storageOf(config);
  const { clock } = clockFor(config);
  switch (sub) {
    case 'create-store': {
      const f = parseFlags(argv, { name: { type: 'string' }, 'shop-domain': { type: 'string' } });
      const r = await withReviews(storage, (db) =>
        createStore(db, clock, { name: required(f.name, 'name'), shopDomain: required(f['shop-domain'], 'shop-domain') }),
      );
      return emit(
        f.json,
        r,
        `Created store ${r.store_id}\n  API key (shown once): ${r.api_key}\n  Shopify webhook secret: ${r.webhook_secret}\n  Webhook URL: ${config.reviewsPublicUrl}/webhooks/shopify`,
      );
    }
    case 'connect-postscript': {
      const f = parseFlags(argv, { store: { type: 'string' }, 'private-key': { type: 'string' }, 'api-url': { type: 'string' } });
      const r = await withReviews(storage, (db) =>
        connectPostscript(db, clock, {
          storeId: required(f.store, 'store'),
          privateKey: required(f['private-key'], 'private-key'),
          apiUrl: f['api-url'] ?? config.smsApiUrl,
          ...(config.secretKey ? { secretKey: config.secretKey } : {}),
        }),
      );
      return emit(f.json, r, `Connected to Postscript shop "${r.shop_name}"; the "Okendo Review Request" trigger is registered.`);
    }
    case 'create-sequence': {
      const f = parseFlags(argv, {
        store: { type: 'string' },
        'wait-days': { type: 'string' },
        after: { type: 'string' },
        name: { type: 'string' },
        start: { type: 'boolean', default: false },
      });
      const after = required(f.after, 'after');
      if (after !== 'fulfillment' && after !== 'delivery')
        throw new UsageError(`--after must be "fulfillment" or "delivery", got "${after}"`);
      const waitDays = integer(required(f['wait-days'], 'wait-days'), 'wait-days') ?? 0;
      const r = await withReviews(storage, (db) =>
        createSequence(db, clock, {
          storeId: required(f.store, 'store'),
          waitDays,
          after,
          start: f.start === true,
          ...(f.name ? { name: f.name } : {}),
        }),
      );
      return emit(
        f.json,
        r,
        `Created sequence ${r.sequence_id}: wait ${waitDays} day(s) after ${after}${f.start ? ', started' : ' (not started)'}`,
      );
    }
    default:
      throw new UsageError(`unknown command "rapport reviews ${sub ?? ''}" (create-store, connect-postscript, create-sequence)`);
  }
}
