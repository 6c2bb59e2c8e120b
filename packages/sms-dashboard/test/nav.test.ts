import assert from 'node:assert/strict';
import { test } from 'node:test';
import { smsNav } from '../src/nav.js';

test("the SMS menu: Home, the shop's name → API, Messaging → Automations and Messages, Subscribers, Settings", () => {
  const nav = smsNav('Acme Outdoor Supply');
  assert.deepEqual(nav, [
    { label: 'Home', to: '/' },
    { label: 'Acme Outdoor Supply', children: [{ label: 'API', to: '/api-keys' }] },
    {
      label: 'Messaging',
      children: [
        { label: 'Automations', to: '/automations' },
        { label: 'Messages', to: '/messages' },
      ],
    },
    { label: 'Subscribers', to: '/subscribers' },
    { label: 'Settings', to: '/settings' },
  ]);
});
