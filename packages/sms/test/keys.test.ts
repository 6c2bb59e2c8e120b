import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createKeyPair, listKeys, revealPrivateKey, revokeKey } from '../src/index.js';
import { API_KEY_CACHE_MS } from '../src/api/auth.js';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(() => h.close());

describe('API keys and authentication', () => {
  test('GET /api/v2/me identifies the shop of a Bearer private key', async () => {
    const shop = await h.newShop('Acme Tea');
    const r = await h.request('GET', '/api/v2/me', { shop });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { resource_id: shop.shopId, resource_name: 'Acme Tea', resource_type: 'shop' });
    assert.match(shop.publicKey, /^pk_/);
    assert.match(shop.privateKey, /^sk_/);
  });

  test('legacy Basic auth (private key as user, empty password) works too', async () => {
    const shop = await h.newShop();
    const basic = Buffer.from(`${shop.privateKey}:`).toString('base64');
    const r = await h.request('GET', '/api/v2/me', { headers: { authorization: `Basic ${basic}` } });
    assert.equal(r.status, 200);
    assert.equal(r.body.resource_id, shop.shopId);
  });

  const rejected: { name: string; headers: (keys: { pk: string; sk: string }) => Record<string, string> }[] = [
    { name: 'no Authorization header', headers: () => ({}) },
    { name: 'a public key', headers: ({ pk }) => ({ authorization: `Bearer ${pk}` }) },
    { name: 'an unknown private key', headers: () => ({ authorization: 'Bearer sk_not_a_real_key' }) },
    { name: 'a malformed header', headers: ({ sk }) => ({ authorization: `Token ${sk}` }) },
    { name: 'a public key over Basic', headers: ({ pk }) => ({ authorization: `Basic ${Buffer.from(`${pk}:`).toString('base64')}` }) },
  ];
  for (const { name, headers } of rejected) {
    test(`401 naming the header for ${name}`, async () => {
      const shop = await h.newShop();
      const r = await h.request('GET', '/api/v2/me', { headers: headers({ pk: shop.publicKey, sk: shop.privateKey }) });
      assert.equal(r.status, 401);
      assert.equal(r.body.errors.length, 1);
      assert.deepEqual(r.body.errors[0].loc, ['header', 'authorization']);
      assert.equal(r.body.errors[0].type, 'unauthorized');
      assert.equal(typeof r.body.errors[0].msg, 'string');
    });
  }

  test('a revoked key stops working; another pair of the same shop keeps working', async () => {
    const shop = await h.newShop();
    h.clock.advance(1000);
    const second = await createKeyPair(h.database, h.clock, { shopId: shop.shopId, label: 'Okendo', secretKey: 'test-secret' });
    await revokeKey(h.database, h.clock, { keyId: shop.keyId });
    const r = await h.request('GET', '/api/v2/me', { shop });
    assert.equal(r.status, 401);
    assert.deepEqual(r.body.errors[0].loc, ['header', 'authorization']);
    const ok = await h.request('GET', '/api/v2/me', { headers: { authorization: `Bearer ${second.private_key}` } });
    assert.equal(ok.status, 200);
    const keys = await listKeys(h.database, shop.shopId);
    assert.deepEqual(
      keys.map((k) => [k.label, k.revoked]),
      [
        ['tests', true],
        ['Okendo', false],
      ],
    );
  });

  test('a key revoked while in use stops working once its cached verification expires (API_KEY_CACHE_MS)', async () => {
    const shop = await h.newShop();
    assert.equal((await h.request('GET', '/api/v2/me', { shop })).status, 200);
    await revokeKey(h.database, h.clock, { keyId: shop.keyId });
    h.clock.advance(API_KEY_CACHE_MS + 1);
    const r = await h.request('GET', '/api/v2/me', { shop });
    assert.equal(r.status, 401);
  });

  test('"Show" reveals the private key from its encrypted copy; only a hash is used for lookup', async () => {
    const shop = await h.newShop();
    assert.equal(await revealPrivateKey(h.database, h.clock, { keyId: shop.keyId, secretKey: 'test-secret' }), shop.privateKey);
    const row = await h.database.db.selectFrom('api_keys').selectAll().where('id', '=', shop.keyId).executeTakeFirstOrThrow();
    assert.ok(!row.private_key_ciphertext.includes(shop.privateKey));
    assert.match(row.private_key_hash, /^[0-9a-f]{64}$/);
    await assert.rejects(
      revealPrivateKey(h.database, h.clock, { keyId: shop.keyId, secretKey: 'another-secret' }),
      /different RAPPORT_SECRET_KEY/,
    );
  });

  test('without a configured secret the key is sealed with a generated key kept in settings', async () => {
    const shop = await h.newShop();
    const pair = await createKeyPair(h.database, h.clock, { shopId: shop.shopId });
    assert.equal(await revealPrivateKey(h.database, h.clock, { keyId: pair.key_id }), pair.private_key);
    // A process that does have a secret configured can still reveal it.
    assert.equal(await revealPrivateKey(h.database, h.clock, { keyId: pair.key_id, secretKey: 'test-secret' }), pair.private_key);
    const settings = await h.database.db.selectFrom('settings').selectAll().execute();
    assert.equal(settings.length, 1);
  });

  test('/healthz and /docs', async () => {
    assert.deepEqual((await h.request('GET', '/healthz')).body, { ok: true });
    const docs = await h.request('GET', '/docs/json');
    assert.equal(docs.status, 200);
    const paths = docs.body.paths as Record<string, Record<string, { tags?: string[]; summary?: string; security?: unknown[] }>>;
    for (const p of [
      '/api/v2/me',
      '/api/v2/subscribers',
      '/api/v2/subscribers/{id}',
      '/api/v2/events',
      '/api/v2/custom-events',
      '/v1/triggers',
      '/v1/triggers/{trigger_id}/subscribers/{subscriber_id}',
      '/api/automations',
      '/webhooks/twilio/inbound',
      '/dev/carrier/inbound',
      '/dev/phone',
    ]) {
      assert.ok(paths[p], `missing ${p} in /docs`);
    }
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(op.summary, `${method} ${path} has no summary`);
        assert.ok(op.tags?.length, `${method} ${path} has no tags`);
        // The integration catalog is public reference data (the seed's tables), and logging in or using a
        // one-time link is how a session starts; everything else under /api and /v1 needs a key or a session.
        const isPublic = ['/api/catalog', '/api/dashboard/login', '/api/dashboard/tokens/{token}'].includes(path);
        if (!isPublic && (path.startsWith('/api/') || path.startsWith('/v1/')))
          assert.ok(op.security?.length, `${method} ${path} has no security`);
      }
    }
    assert.ok(docs.body.components.securitySchemes.bearerAuth);
  });
});
