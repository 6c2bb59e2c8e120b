// The README's interfaces, through the real binary: `rapport start` and the admin commands with
// --json, on the same data directory (SQLite) or DATABASE_URL schema (PostgreSQL pass).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testStorage } from '@rapport/kit';
import { freePort } from '../src/ports.js';
import { exited, rapport, rapportJson, startServer } from './helpers/cli.js';

const storage = testStorage();
let env: Record<string, string | undefined>;
let server: ChildProcess;
let smsPort: number;

before(async () => {
  smsPort = await freePort();
  const reviewsPort = await freePort();
  env = {
    RAPPORT_DATA_DIR: storage.dataDir,
    DATABASE_URL: storage.databaseUrl ?? '',
    RAPPORT_PG_SCHEMA_PREFIX: storage.schemaPrefix ?? '',
    SMS_PORT: String(smsPort),
    REVIEWS_PORT: String(reviewsPort),
    RAPPORT_DEV: '1',
    RAPPORT_NOW: '2026-03-10T15:00:00Z',
  };
  server = await startServer(env, { sms: smsPort, reviews: reviewsPort });
});

after(async () => {
  server.kill('SIGTERM');
  await exited(server);
  await storage.cleanup();
});

describe('rapport CLI', () => {
  test('the merchant set-up commands print one JSON object each and work against the running server', async () => {
    const shop = await rapportJson<{ shop_id: string; public_key: string; private_key: string }>(
      ['sms', 'create-shop', '--name', 'Acme Outfitters'],
      env,
    );
    assert.match(shop.shop_id, /^shop_/);
    assert.match(shop.public_key, /^pk_/);
    assert.match(shop.private_key, /^sk_/);

    const me = await fetch(`http://127.0.0.1:${smsPort}/api/v2/me`, { headers: { authorization: `Bearer ${shop.private_key}` } });
    assert.deepEqual(await me.json(), { resource_id: shop.shop_id, resource_name: 'Acme Outfitters', resource_type: 'shop' });

    const store = await rapportJson<{ store_id: string; webhook_secret: string; api_key: string }>(
      ['reviews', 'create-store', '--name', 'Acme', '--shop-domain', 'acme-cli.myshopify.com'],
      env,
    );
    assert.ok(store.store_id);
    assert.ok(store.webhook_secret.length >= 16);
    assert.match(store.api_key, /^rk_/);

    const connected = await rapportJson(
      ['reviews', 'connect-postscript', '--store', store.store_id, '--private-key', shop.private_key],
      env,
    );
    assert.deepEqual(connected, { connected: true, shop_name: 'Acme Outfitters' });

    // Connecting started the profile backfill; the running server's worker finishes it (no customers yet).
    const backfill = await rapportJson<{ backfill: { total: number; finished: boolean } }>(
      ['reviews', 'profile-backfill', '--store', store.store_id, '--wait'],
      env,
    );
    assert.deepEqual([backfill.backfill.total, backfill.backfill.finished], [0, true]);

    const automation = await rapportJson<{ automation_id: string }>(
      [
        'sms',
        'create-automation',
        '--shop',
        shop.shop_id,
        '--trigger',
        'Okendo Review Request',
        '--message',
        'Thanks {first_name}! {review_url}',
        '--enable',
      ],
      env,
    );
    assert.ok(automation.automation_id);

    const sequence = await rapportJson<{ sequence_id: string }>(
      ['reviews', 'create-sequence', '--store', store.store_id, '--wait-days', '3', '--after', 'delivery', '--start'],
      env,
    );
    assert.ok(sequence.sequence_id);

    const messages = await rapportJson<{ messages: unknown[] }>(['sms', 'messages', '--shop', shop.shop_id], env);
    assert.deepEqual(messages, { messages: [] });
  });

  test('a wrong or public key is refused with a clear message and a non-zero exit', async () => {
    const shop = await rapportJson<{ public_key: string }>(['sms', 'create-shop', '--name', 'Key Test'], env);
    const store = await rapportJson<{ store_id: string }>(
      ['reviews', 'create-store', '--name', 'Key Test', '--shop-domain', 'key-test.myshopify.com'],
      env,
    );
    const wrong = await rapport(['reviews', 'connect-postscript', '--store', store.store_id, '--private-key', 'sk_not_a_real_key'], env);
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.stderr, /private key/i);
    const publicKey = await rapport(['reviews', 'connect-postscript', '--store', store.store_id, '--private-key', shop.public_key], env);
    assert.notEqual(publicKey.code, 0);
    assert.match(publicKey.stderr, /Private Key|private key/);
  });

  test('usage mistakes name the flag and exit 2', async () => {
    const missing = await rapport(['sms', 'create-shop'], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--name/);
    const badAfter = await rapport(['reviews', 'create-sequence', '--store', 'x', '--wait-days', '2', '--after', 'shipping'], env);
    assert.equal(badAfter.code, 2);
    assert.match(badAfter.stderr, /--after/);
    const badDays = await rapport(['reviews', 'create-sequence', '--store', 'x', '--wait-days', '-1', '--after', 'delivery'], env);
    assert.equal(badDays.code, 2);
    assert.match(badDays.stderr, /--wait-days/);
  });

  test('an unknown trigger or shop is refused', async () => {
    const shop = await rapportJson<{ shop_id: string }>(['sms', 'create-shop', '--name', 'No Trigger'], env);
    const r = await rapport(
      ['sms', 'create-automation', '--shop', shop.shop_id, '--trigger', 'Okendo Review Request', '--message', 'x', '--enable'],
      env,
    );
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /trigger/i);
    const s = await rapport(
      ['sms', 'create-automation', '--shop', 'shop_missing', '--trigger', 'Okendo Review Request', '--message', 'x'],
      env,
    );
    assert.notEqual(s.code, 0);
    assert.match(s.stderr, /shop/i);
  });

  test('rapport demo shows the whole loop and exits 0', async () => {
    const r = await rapport(['demo'], { RAPPORT_DATA_DIR: storage.dataDir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Reply Y to subscribe/);
    // The text carries the SMS platform's short link; the demo then opens it and lands on the review form.
    assert.match(r.stdout, /Thanks Ava! Tell us what you think: http:\/\/127\.0\.0\.1:\d+\/l\/[A-Za-z0-9_-]{8}/);
    assert.match(r.stdout, /Review Created reached the SMS side: \{"Rating":5/);
    assert.match(r.stdout, /0 texts, 0 subscribers created/);
  });
});

describe('flows as code: rapport sms export-flow / import-flow', () => {
  const flowFile = (body: string, next: string | null = null) => ({
    name: 'Points thanks',
    graph: {
      version: 1,
      trigger: { kind: 'event', event_type: 'Okendo Loyalty Points Awarded' },
      reentry: { mode: 'every_time' },
      start: 'say',
      nodes: [{ id: 'say', type: 'message', body, next }],
    },
  });
  const write = (name: string, value: unknown) => {
    const path = join(storage.dataDir, name);
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };

  test('import publishes the file, export prints it back, and the flow runs on the server', async () => {
    const shop = await rapportJson<{ shop_id: string; private_key: string }>(['sms', 'create-shop', '--name', 'Flow Files'], env);
    const imported = await rapportJson<{ flow_id: string; status: string; version: number }>(
      ['sms', 'import-flow', '--shop', shop.shop_id, '--file', write('thanks.json', flowFile('Thanks for {Points Earned} points'))],
      env,
    );
    assert.deepEqual([imported.status, imported.version], ['live', 1]);
    const exported = await rapport(['sms', 'export-flow', '--flow', imported.flow_id], env);
    assert.equal(exported.code, 0, exported.stderr);
    assert.deepEqual(JSON.parse(exported.stdout), flowFile('Thanks for {Points Earned} points'));
    const listed = await fetch(`http://127.0.0.1:${smsPort}/api/flows`, { headers: { authorization: `Bearer ${shop.private_key}` } });
    assert.deepEqual(
      ((await listed.json()) as { flows: { id: string; status: string }[] }).flows.map((f) => [f.id, f.status]),
      [[imported.flow_id, 'live']],
    );
    // Re-importing what export printed makes a second, identical flow.
    const again = await rapportJson<{ flow_id: string }>(
      ['sms', 'import-flow', '--shop', shop.shop_id, '--file', write('again.json', exported.stdout), '--draft'],
      env,
    );
    assert.notEqual(again.flow_id, imported.flow_id);
  });

  const refusals: { story: string; file: unknown; fields: string[] }[] = [
    {
      story: 'a field the schema requires is missing',
      file: { name: 'x', graph: { ...flowFile('x').graph, start: undefined } },
      fields: ['file.graph.start'],
    },
    {
      story: 'the graph links to a node that does not exist, and a tag nothing supplies',
      file: flowFile('Hi {frist_name}', 'nowhere'),
      fields: ['file.graph.nodes.0.body', 'file.graph.nodes.0.next'],
    },
  ];
  for (const r of refusals) {
    test(`refused, naming the field: ${r.story}`, async () => {
      const shop = await rapportJson<{ shop_id: string }>(['sms', 'create-shop', '--name', 'Bad Flow Files'], env);
      const out = await rapport(['sms', 'import-flow', '--shop', shop.shop_id, '--file', write('bad.json', r.file), '--json'], env);
      assert.equal(out.code, 1, out.stderr);
      const error = JSON.parse(out.stderr).error as { code: string; problems: { loc: string[] }[] };
      assert.equal(error.code, 'invalid_flow_file');
      assert.deepEqual(error.problems.map((p) => p.loc.join('.')).sort(), r.fields);
    });
  }

  test('a file that is not JSON is a usage error naming it', async () => {
    const out = await rapport(['sms', 'import-flow', '--shop', 'shop_x', '--file', write('broken.json', '{nope')], env);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /broken\.json: not JSON/);
  });
});
