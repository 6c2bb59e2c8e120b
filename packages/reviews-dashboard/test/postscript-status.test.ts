import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { IntegrationView } from '@rapport/reviews/schemas';
import { postscriptStatus } from '../src/pages/settings/postscript-status.js';

describe('the Postscript tile’s badge', () => {
  const cases: { name: string; view: Pick<IntegrationView, 'connected' | 'status'>; expected: { label: string; color: string } }[] = [
    { name: 'no key saved', view: { connected: false }, expected: { label: 'Not connected', color: 'gray' } },
    { name: 'a key that works', view: { connected: true, status: 'connected' }, expected: { label: 'Connected', color: 'green' } },
    {
      name: 'a key Postscript stopped accepting',
      view: { connected: true, status: 'needs_attention' },
      expected: { label: 'Needs attention', color: 'orange' },
    },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(postscriptStatus(c.view), c.expected));
});
