import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { partsLine, saveBlock, type StepCheck } from '../src/pages/automations/message-check.js';

describe('the parts line under the preview', () => {
  const cases = [
    { name: 'one GSM-7 part', input: { segments: 1, encoding: 'GSM-7', characters: 54 }, expected: '1 SMS part · GSM-7 · 54 characters' },
    { name: 'two UCS-2 parts', input: { segments: 2, encoding: 'UCS-2', characters: 71 }, expected: '2 SMS parts · UCS-2 · 71 characters' },
    { name: 'one character', input: { segments: 1, encoding: 'GSM-7', characters: 1 }, expected: '1 SMS part · GSM-7 · 1 character' },
  ];
  for (const c of cases) test(c.name, () => assert.equal(partsLine(c.input), c.expected));
});

describe('why Save Automation is refused', () => {
  const ok = (body: string): StepCheck => ({ body, checkedBody: body, errorCount: 0, failure: null });
  const cases: { name: string; steps: StepCheck[]; expected: string | null }[] = [
    { name: 'a checked message without problems saves', steps: [ok('Thanks {first_name}!')], expected: null },
    { name: 'an empty message', steps: [ok('')], expected: 'Write the message to save.' },
    { name: 'only spaces', steps: [ok('   ')], expected: 'Write the message to save.' },
    {
      name: 'a tag problem',
      steps: [{ body: 'Hi {oops', checkedBody: 'Hi {oops', errorCount: 1, failure: null }],
      expected: 'Fix the problems shown in red under the message to save.',
    },
    {
      name: 'typed since the last preview (a typo may be in the unchecked part)',
      steps: [{ body: 'Hi {oops', checkedBody: 'Hi ', errorCount: 0, failure: null }],
      expected: 'Checking the message…',
    },
    {
      name: 'before the first preview',
      steps: [{ body: 'Hi', checkedBody: null, errorCount: 0, failure: null }],
      expected: 'Checking the message…',
    },
    {
      name: 'the preview failed',
      steps: [{ body: 'Hi', checkedBody: null, errorCount: 0, failure: 'Could not reach the server.' }],
      expected: 'Could not check the message: Could not reach the server.',
    },
    {
      name: 'with several messages, the step is named',
      steps: [ok('Thanks!'), { body: 'Review: {review_ur', checkedBody: 'Review: {review_ur', errorCount: 1, failure: null }],
      expected: 'Fix the problems shown in red under message 2 to save.',
    },
    {
      name: 'an empty step comes before another step’s problems',
      steps: [{ body: '{x', checkedBody: '{x', errorCount: 1, failure: null }, ok('')],
      expected: 'Write message 2 to save.',
    },
  ];
  for (const c of cases) test(c.name, () => assert.equal(saveBlock(c.steps), c.expected));
});
