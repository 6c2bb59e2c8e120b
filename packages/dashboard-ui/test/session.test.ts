import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sessionOf } from '../src/session/session.js';

describe('sessionOf: the session answer under the product key', () => {
  test('SMS: shops', () => {
    const body = {
      user: { id: 'usr_1', email: 'a@example.com' },
      csrf_token: 'c1',
      shops: [{ id: 'shp_1', name: 'A', time_zone: 'UTC', currency: 'USD' }],
    };
    assert.deepEqual(sessionOf(body, 'shops'), { user: { id: 'usr_1', email: 'a@example.com' }, csrfToken: 'c1', tenants: body.shops });
  });
  test('reviews: stores', () => {
    const body = { user: { id: 'usr_1', email: 'a@example.com' }, csrf_token: 'c1', stores: [] };
    assert.deepEqual(sessionOf(body, 'stores').tenants, []);
  });
  const broken = [
    { name: 'no user', body: { csrf_token: 'c', shops: [] }, pattern: /no user/ },
    { name: 'no token', body: { user: { id: 'u', email: 'e' }, shops: [] }, pattern: /no csrf_token/ },
    { name: 'the other product’s list', body: { user: { id: 'u', email: 'e' }, csrf_token: 'c', stores: [] }, pattern: /no shops list/ },
    { name: 'not an object', body: null, pattern: /no user/ },
  ];
  for (const b of broken) test(`refuses an answer with ${b.name}`, () => assert.throws(() => sessionOf(b.body, 'shops'), b.pattern));
});
