import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { nextPhone, startHarness, type Harness, type Shop } from './harness.js';

// Flows as code, through the API: the published JSON Schema, and the check before publishing, against the
// shop's own triggers and event types (the graph rules themselves: test/unit/flow-graph.test.ts).

let h: Harness;
let shop: Shop;
before(async () => {
  h = await startHarness();
  shop = await h.newShop('Flow Shop');
});
after(() => h.close());

const flow = (trigger: unknown, body = 'Hi {first_name|there}') => ({
  version: 1,
  trigger,
  reentry: { mode: 'every_time' },
  start: 'm',
  nodes: [{ id: 'm', type: 'message', body, next: null }],
});

describe('flows as code (/api/flows extension)', () => {
  test('GET /api/flows/schema publishes the graph’s JSON Schema, also under /docs', async () => {
    const r = await h.request('GET', '/api/flows/schema', { shop });
    assert.equal(r.status, 200);
    assert.equal(r.body.title, 'Rapport automation flow, version 1');
    assert.deepEqual(r.body.required.sort(), ['nodes', 'reentry', 'start', 'trigger', 'version']);
    const docs = await h.request('GET', '/docs/json');
    assert.ok(docs.body.paths['/api/flows/schema'] && docs.body.paths['/api/flows/validate']);
    assert.equal((await h.request('GET', '/api/flows/schema')).status, 401);
  });

  test('validate: the shop’s catalog decides — a partner trigger only once registered, a custom type only once sent', async () => {
    const partner = flow({ kind: 'partner', trigger: 'Okendo Review Request' }, 'Review it: {review_url}');
    const before = await h.request('POST', '/api/flows/validate', { shop, body: partner });
    assert.equal(before.status, 200);
    assert.equal(before.body.valid, false);
    assert.deepEqual(before.body.problems[0].loc, ['trigger', 'trigger']);
    await h.request('POST', '/v1/triggers', { shop, body: { name: 'Okendo Review Request', tags: ['review_url'] } });
    assert.deepEqual((await h.request('POST', '/api/flows/validate', { shop, body: partner })).body, { valid: true, problems: [] });

    const custom = flow(
      { kind: 'event', event_type: 'Back In Stock', filters: [{ property: 'Size', op: '=', value: 'M' }] },
      '{Product Name} is back',
    );
    assert.equal((await h.request('POST', '/api/flows/validate', { shop, body: custom })).body.valid, false);
    const sub = await h.subscribe(shop, nextPhone());
    await h.request('POST', '/api/v2/events', {
      shop,
      body: { type: 'Back In Stock', subscriber_id: sub.id, properties: { 'Product Name': 'Tee', Size: 'M' } },
    });
    assert.deepEqual((await h.request('POST', '/api/flows/validate', { shop, body: custom })).body, { valid: true, problems: [] });
  });

  test('a graph of the wrong shape is a 400 naming the field', async () => {
    const bad = flow({ kind: 'event', event_type: 'Review Created' });
    (bad.nodes[0] as { type: string }).type = 'teleport';
    const r = await h.request('POST', '/api/flows/validate', { shop, body: bad });
    assert.equal(r.status, 400);
    assert.equal(r.body.errors[0].loc[0], 'body');
    const noVersion = { ...flow({ kind: 'event', event_type: 'Review Created' }), version: 2 };
    const v = await h.request('POST', '/api/flows/validate', { shop, body: noVersion });
    assert.equal(v.status, 400);
    assert.deepEqual(v.body.errors[0].loc, ['body', 'version']);
  });
});
