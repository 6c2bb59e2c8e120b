import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importGraph } from '@rapport/kit';

test('the API schemas (@rapport/sms/schemas) import nothing but typebox and the contract, so a dashboard can bundle them', () => {
  const schemas = importGraph(fileURLToPath(new URL('../../src/schemas/index.ts', import.meta.url)));
  assert.deepEqual(schemas.packages, ['@rapport/contract', 'typebox']);
  const contract = importGraph(fileURLToPath(new URL('../../../contract/src/index.ts', import.meta.url)));
  assert.deepEqual(contract.packages, ['typebox']);
});
