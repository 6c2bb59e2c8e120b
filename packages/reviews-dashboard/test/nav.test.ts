import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REVIEWS_NAV } from '../src/nav.js';

test('the reviews menu: Home, Reviews, Orders, Customers, Mail → Sequences, and Settings → Integrations pinned to the bottom', () => {
  assert.deepEqual(REVIEWS_NAV, [
    { label: 'Home', to: '/' },
    { label: 'Reviews', to: '/reviews' },
    { label: 'Orders', to: '/orders' },
    { label: 'Customers', to: '/customers' },
    { label: 'Mail', children: [{ label: 'Sequences', to: '/mail/sequences' }] },
    { label: 'Settings', placement: 'bottom', children: [{ label: 'Integrations', to: '/settings/integrations' }] },
  ]);
});
