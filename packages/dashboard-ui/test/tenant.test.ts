import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { tenantMemory } from '../src/session/remembered-tenant.js';
import { chooseTenant } from '../src/session/tenant-choice.js';

const shops = [
  { id: 'shp_a', name: 'A' },
  { id: 'shp_b', name: 'B' },
];

describe('chooseTenant: the one remembered in this browser while the user still has it', () => {
  const cases = [
    { name: 'remembered and still theirs', remembered: 'shp_b', tenants: shops, expected: 'shp_b' },
    { name: 'nothing remembered: the first listed', remembered: null, tenants: shops, expected: 'shp_a' },
    { name: 'remembered but no longer theirs (another user, a removed shop)', remembered: 'shp_gone', tenants: shops, expected: 'shp_a' },
    { name: 'no tenants yet (onboarding)', remembered: 'shp_a', tenants: [], expected: undefined },
  ];
  for (const c of cases) test(c.name, () => assert.equal(chooseTenant(c.tenants, c.remembered)?.id, c.expected));
});

describe('tenantMemory', () => {
  test('keeps the id under its key', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) } as Storage;
    const memory = tenantMemory('rapport-sms.shop', () => storage);
    assert.equal(memory.read(), null);
    memory.write('shp_b');
    assert.equal(memory.read(), 'shp_b');
    assert.deepEqual([...store], [['rapport-sms.shop', 'shp_b']]);
  });
  test('storage that throws (a privacy mode) reads as nothing and writes nowhere', () => {
    const memory = tenantMemory('k', () => {
      throw new Error('SecurityError');
    });
    assert.equal(memory.read(), null);
    assert.doesNotThrow(() => memory.write('shp_a'));
  });
});
