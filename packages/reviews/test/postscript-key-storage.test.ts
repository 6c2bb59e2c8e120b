import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { configSealingKey, jobsMigration, openTestDatabase, steppingMigrator, type Database, type SettingsTable } from '@rapport/kit';
import { sql, type Kysely } from 'kysely';
import { initialMigration } from '../src/db/migrations/0001_initial.js';
import { reviewsMigrations } from '../src/db/migrations/index.js';
import type { ReviewsSchema } from '../src/db/schema.js';
import { openPostscriptKey, POSTSCRIPT_KEY_PURPOSE } from '../src/integrations/postscript/key-sealing.js';
import { connectPostscript } from '../src/index.js';
import { orderPayload } from '../src/dev/shopify.js';
import { GOOD_KEY } from './helpers/fake-postscript.js';
import { startHarness, type Harness, type TestStore } from './helpers/harness.js';
import { onlyRequest, triggerFires } from './helpers/story.js';

const SERVER_SECRET = 'server-secret-for-tests';
const HINT = `sk_…${GOOD_KEY.slice(-4)}`;
/** The key, and the part of it the hint does not show: neither may be stored anywhere. */
const NEEDLES = [GOOD_KEY, GOOD_KEY.slice(3, -4)];

/** Every text value of a row that contains the key (or its hidden part). */
function leaks(row: Record<string, unknown>): string[] {
  return Object.entries(row)
    .filter(([, v]) => typeof v === 'string' && NEEDLES.some((n) => v.includes(n)))
    .map(([k]) => k);
}

let h: Harness;
before(async () => {
  h = await startHarness({ secretKey: SERVER_SECRET });
  h.fake.subscribers.push({ id: 's_jane', phone_number: '+15555550123', email: 'jane.doe@example.com', properties: {} });
});
after(async () => h.close());

async function integrationRow(store: TestStore) {
  return h.database.db.selectFrom('postscript_integrations').selectAll().where('store_id', '=', store.id).executeTakeFirstOrThrow();
}

async function putKey(store: TestStore) {
  const res = await h.service.app.inject({
    method: 'PUT',
    headers: h.auth(store),
    url: `/api/stores/${store.id}/integrations/postscript`,
    payload: { private_key: GOOD_KEY, api_url: h.fake.url },
  });
  assert.equal(res.statusCode, 200);
  return res;
}

/** A 0-day sequence and one fulfilled order: its two calls (event, trigger) are due at once. */
async function orderOf(store: TestStore): Promise<string> {
  await h.sequence(store, 0, 'fulfillment');
  await h.webhook(store, 'orders/fulfilled', orderPayload({ fulfilled: true }));
  await h.settle();
  return (await onlyRequest(h, store)).id;
}

describe('the Postscript private key at rest', () => {
  test('connecting stores only a sealed copy and a masked hint: the key is in no column of the row, nor anywhere in the database', async () => {
    // Through the admin API (sealed under the service's RAPPORT_SECRET_KEY) and the CLI's admin function (no secret).
    const viaApi = await h.createStore();
    const put = await putKey(viaApi);
    assert.equal(put.json().private_key, HINT);
    assert.ok(!put.body.includes(GOOD_KEY));
    const viaCli = await h.createStore();
    await connectPostscript(h.database, h.clock, { storeId: viaCli.id, privateKey: GOOD_KEY, apiUrl: h.fake.url });

    for (const [store, keyId] of [
      [viaApi, configSealingKey(SERVER_SECRET, POSTSCRIPT_KEY_PURPOSE).id],
      [viaCli, 'settings:v1'],
    ] as const) {
      const row = await integrationRow(store);
      assert.deepEqual(leaks(row), [], `columns holding the key in clear: ${leaks(row).join(', ')}`);
      assert.ok(!('private_key' in row), 'no plaintext column');
      assert.equal(row.private_key_hint, HINT);
      assert.equal(row.sealing_key_id, keyId);
      assert.match(row.private_key_sealed, /^v1\.[A-Za-z0-9_-]+$/);
      assert.equal(await openPostscriptKey(h.database.db, h.clock.now(), row, SERVER_SECRET), GOOD_KEY);
    }

    // Every row of every table (settings included) is free of it too. (Listed from this database's own schema:
    // Kysely's introspection scans every schema and races with other test files dropping theirs.)
    const list =
      h.database.dialect === 'postgres'
        ? sql<{ name: string }>`select tablename as name from pg_catalog.pg_tables where schemaname = current_schema()`
        : sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`;
    const tables = (await list.execute(h.database.db)).rows.map((r) => r.name);
    assert.ok(tables.includes('settings') && tables.includes('postscript_integrations'));
    const db = h.database.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    for (const t of tables) {
      for (const row of await db.selectFrom(t).selectAll().execute()) assert.deepEqual(leaks(row), [], `table ${t}`);
    }
  });

  test('the connector opens the sealed key to call the API, whichever key sealed it', async () => {
    const store = await h.createStore();
    await connectPostscript(h.database, h.clock, { storeId: store.id, privateKey: GOOD_KEY, apiUrl: h.fake.url });
    const requestId = await orderOf(store);
    const [fire] = triggerFires(h, requestId);
    assert.equal(fire?.headers.authorization, `Bearer ${GOOD_KEY}`);
  });

  test('a key sealed under another RAPPORT_SECRET_KEY: calls are held and the integration needs attention until the key is saved again', async () => {
    const store = await h.createStore();
    await connectPostscript(h.database, h.clock, {
      storeId: store.id,
      privateKey: GOOD_KEY,
      apiUrl: h.fake.url,
      secretKey: 'another-secret',
    });
    assert.equal((await integrationRow(store)).sealing_key_id, configSealingKey('another-secret', POSTSCRIPT_KEY_PURPOSE).id);
    const requestId = await orderOf(store);

    assert.equal(triggerFires(h, requestId).length, 0);
    const rows = await h.database.db.selectFrom('postscript_outbox').selectAll().where('store_id', '=', store.id).execute();
    assert.ok(rows.length > 0 && rows.every((r) => r.state === 'pending'));
    assert.ok(rows.some((r) => /held: the saved private key was sealed with a different RAPPORT_SECRET_KEY/.test(r.last_error ?? '')));
    const settings = await h.service.app.inject({
      method: 'GET',
      headers: h.auth(store),
      url: `/api/stores/${store.id}/integrations/postscript`,
    });
    assert.equal(settings.json().status, 'needs_attention');
    assert.match(settings.json().status_reason, /different RAPPORT_SECRET_KEY/);

    await putKey(store);
    assert.equal((await integrationRow(store)).sealing_key_id, configSealingKey(SERVER_SECRET, POSTSCRIPT_KEY_PURPOSE).id);
    h.clock.advance(10 * 60_000);
    await h.settle();
    assert.equal(triggerFires(h, requestId).length, 1, 'the held trigger goes out once the key is saved again');
  });
});

interface PlainIntegration {
  store_id: string;
  private_key: string;
  api_url: string;
  shop_id: string;
  shop_name: string;
  trigger_id: string;
  status: string;
  status_reason: string | null;
  connected_at: string;
  updated_at: string;
}
interface V1Schema {
  /** The stores table as 0001 made it (0007 added time_zone and currency). */
  stores: Omit<ReviewsSchema['stores'], 'time_zone' | 'currency'>;
  postscript_integrations: PlainIntegration;
  settings: SettingsTable;
}

describe('migration 0002: plaintext keys saved before it are sealed by it', () => {
  let database: Database<V1Schema>;
  before(async () => {
    database = await openTestDatabase<V1Schema>('reviews', { '0000_jobs': jobsMigration, '0001_initial': initialMigration });
  });
  after(async () => database.close());

  const migrator = () => steppingMigrator(database, reviewsMigrations);

  test('up seals every row (settings key, masked hint, no plaintext left); down restores the plaintext', async () => {
    const at = '2026-03-01T00:00:00.000Z';
    const keys = { st_a: 'sk_live_aaaaaaaa11112222', st_b: 'sk_live_bbbbbbbb33334444' };
    for (const [id, key] of Object.entries(keys)) {
      await database.db
        .insertInto('stores')
        .values({ id, name: id, shop_domain: `${id}.myshopify.com`, webhook_secret: 'whsec', created_at: at, updated_at: at })
        .execute();
      await database.db
        .insertInto('postscript_integrations')
        .values({
          store_id: id,
          private_key: key,
          api_url: 'https://api.postscript.io',
          shop_id: `shop_${id}`,
          shop_name: 'Acme',
          trigger_id: 'trg_1',
          status: 'connected',
          status_reason: null,
          connected_at: at,
          updated_at: at,
        })
        .execute();
    }

    const up = await migrator().migrateTo('0002_sealed_postscript_key');
    assert.equal(up.error, undefined);
    assert.deepEqual(
      up.results?.map((r) => [r.migrationName, r.status]),
      [['0002_sealed_postscript_key', 'Success']],
    );
    const db = database.db as unknown as Kysely<ReviewsSchema>;
    const rows = await db.selectFrom('postscript_integrations').selectAll().orderBy('store_id').execute();
    assert.equal(rows.length, 2);
    for (const row of rows) {
      const key = keys[row.store_id as keyof typeof keys];
      assert.ok(!Object.values(row).some((v) => typeof v === 'string' && (v.includes(key) || v.includes(key.slice(3, -4)))));
      assert.ok(!('private_key' in row));
      assert.equal(row.sealing_key_id, 'settings:v1');
      assert.equal(row.private_key_hint, `sk_…${key.slice(-4)}`);
      assert.deepEqual([row.shop_id, row.trigger_id, row.connected_at], [`shop_${row.store_id}`, 'trg_1', at]);
      // Opened by a process with or without RAPPORT_SECRET_KEY.
      assert.equal(await openPostscriptKey(db, new Date(), row, undefined), key);
      assert.equal(await openPostscriptKey(db, new Date(), row, SERVER_SECRET), key);
    }
    assert.deepEqual(
      (await db.selectFrom('settings').select('key').execute()).map((r) => r.key),
      [`sealing_key:${POSTSCRIPT_KEY_PURPOSE}`],
    );

    const down = await migrator().migrateDown();
    assert.equal(down.error, undefined);
    const restored = await database.db
      .selectFrom('postscript_integrations')
      .select(['store_id', 'private_key'])
      .orderBy('store_id')
      .execute();
    assert.deepEqual(
      restored.map((r) => [r.store_id, r.private_key]),
      Object.entries(keys),
    );
  });

  test('migration 0003: stores created before it have no API key (NULLs do not collide); down drops the column', async () => {
    const up = await migrator().migrateTo('0003_store_api_keys');
    assert.equal(up.error, undefined);
    assert.deepEqual(
      up.results?.map((r) => [r.migrationName, r.status]),
      [
        ['0002_sealed_postscript_key', 'Success'],
        ['0003_store_api_keys', 'Success'],
      ],
    );
    const db = database.db as unknown as Kysely<ReviewsSchema>;
    const stores = await db.selectFrom('stores').select(['id', 'api_key_hash']).orderBy('id').execute();
    assert.deepEqual(stores, [
      { id: 'st_a', api_key_hash: null },
      { id: 'st_b', api_key_hash: null },
    ]);
    const down = await migrator().migrateDown();
    assert.equal(down.error, undefined);
    assert.deepEqual(
      down.results?.map((r) => [r.migrationName, r.status]),
      [['0003_store_api_keys', 'Success']],
    );
    const row = await database.db.selectFrom('stores').selectAll().where('id', '=', 'st_a').executeTakeFirstOrThrow();
    assert.ok(!('api_key_hash' in row));
  });
});
