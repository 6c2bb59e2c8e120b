import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { storeApi } from '../src/store-api.js';

describe('every store route is /api/stores/<store_id>/…', () => {
  const api = storeApi('str_1');
  const cases: { name: string; path: string; expected: string }[] = [
    { name: 'the Postscript integration', path: api.postscript, expected: '/api/stores/str_1/integrations/postscript' },
    { name: 'its sync health', path: api.postscriptHealth, expected: '/api/stores/str_1/integrations/postscript/health' },
    { name: 'the whole log', path: api.postscriptLog({ limit: 50 }), expected: '/api/stores/str_1/integrations/postscript/log?limit=50' },
    {
      name: 'the log of one state',
      path: api.postscriptLog({ state: 'failed', limit: 50 }),
      expected: '/api/stores/str_1/integrations/postscript/log?state=failed&limit=50',
    },
    { name: 'a replay', path: api.replay('out_9'), expected: '/api/stores/str_1/integrations/postscript/log/out_9/replay' },
    { name: 'the sequences', path: api.sequences, expected: '/api/stores/str_1/sequences' },
    { name: 'starting one', path: api.startSequence('seq_2'), expected: '/api/stores/str_1/sequences/seq_2/start' },
    { name: 'stopping one', path: api.stopSequence('seq_2'), expected: '/api/stores/str_1/sequences/seq_2/stop' },
  ];
  for (const c of cases) test(c.name, () => assert.equal(c.path, c.expected));

  test('ids are percent-encoded', () => assert.equal(storeApi('a/b').sequence('c?d'), '/api/stores/a%2Fb/sequences/c%3Fd'));
});
