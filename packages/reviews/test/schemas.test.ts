import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importGraph } from '@rapport/kit';

test('the API schemas (@rapport/reviews/schemas) import nothing but typebox, so a dashboard can bundle them', () => {
  const schemas = importGraph(fileURLToPath(new URL('../src/schemas/index.ts', import.meta.url)));
  assert.deepEqual(schemas.packages, ['typebox']);
});
