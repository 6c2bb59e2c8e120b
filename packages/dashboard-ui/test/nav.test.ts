import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { byPlacement, holdsCurrent, isCurrent, navKey, type NavItem } from '../src/layout/nav.js';

describe('isCurrent: Home only at /, other entries on their path and below', () => {
  const cases = [
    { name: 'Home at /', to: '/', pathname: '/', expected: true },
    { name: 'Home elsewhere', to: '/', pathname: '/subscribers', expected: false },
    { name: 'an entry on its path', to: '/subscribers', pathname: '/subscribers', expected: true },
    { name: 'an entry below its path', to: '/subscribers', pathname: '/subscribers/sub_1', expected: true },
    { name: 'a path that only starts alike', to: '/subscribers', pathname: '/subscribers-export', expected: false },
  ];
  for (const c of cases) test(c.name, () => assert.equal(isCurrent(c.to, c.pathname), c.expected));
});

describe('holdsCurrent: a group containing the current page starts open', () => {
  const nav: NavItem[] = [
    { label: 'Home', to: '/' },
    { label: 'Acme', children: [{ label: 'API', to: '/api-keys' }] },
    {
      label: 'Messaging',
      children: [{ label: 'Flows', children: [{ label: 'Automations', to: '/automations' }] }],
    },
    { label: 'Settings', to: '/settings', children: [{ label: 'Team', to: '/settings/team' }], placement: 'bottom' },
  ];
  const [home, shop, messaging, settings] = nav as [NavItem, NavItem, NavItem, NavItem];
  const cases = [
    { name: 'a group holding the page', item: shop, pathname: '/api-keys', expected: true },
    { name: 'a group not holding it', item: shop, pathname: '/automations', expected: false },
    { name: 'a page two levels down', item: messaging, pathname: '/automations/aut_1', expected: true },
    { name: "a group's own path, below it an unlisted page", item: settings, pathname: '/settings/billing', expected: true },
    { name: 'a plain entry is its own page', item: home, pathname: '/', expected: true },
    { name: 'Home does not hold every page', item: home, pathname: '/api-keys', expected: false },
  ];
  for (const c of cases) test(c.name, () => assert.equal(holdsCurrent(c.item, c.pathname), c.expected));

  test('bottom items apart, each side in the given order', () => {
    const { top, bottom } = byPlacement(nav);
    assert.deepEqual(
      top.map((i) => i.label),
      ['Home', 'Acme', 'Messaging'],
    );
    assert.deepEqual(
      bottom.map((i) => i.label),
      ['Settings'],
    );
  });

  test('keys: a page by its path, a group by its label', () => {
    assert.deepEqual(nav.map(navKey), ['/', 'group:Acme', 'group:Messaging', '/settings']);
  });
});
