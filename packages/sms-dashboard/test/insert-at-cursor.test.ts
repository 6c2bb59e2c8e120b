import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { insertAtCursor } from '../src/pages/automations/insert-at-cursor.js';

describe('Insert Tag puts the tag where the typing cursor is', () => {
  const cases: {
    name: string;
    input: { text: string; start: number; end: number; insert: string };
    expected: { text: string; cursor: number };
  }[] = [
    {
      name: 'cursor after "Thanks " (the seed’s first_name)',
      input: { text: 'Thanks ! Review: ', start: 7, end: 7, insert: '{first_name}' },
      expected: { text: 'Thanks {first_name}! Review: ', cursor: 19 },
    },
    {
      name: 'cursor at the end (the review link)',
      input: { text: 'Thanks {first_name}! Review: ', start: 29, end: 29, insert: '{review_url}' },
      expected: { text: 'Thanks {first_name}! Review: {review_url}', cursor: 41 },
    },
    {
      name: 'cursor at the start',
      input: { text: 'your review', start: 0, end: 0, insert: '{first_name}, ' },
      expected: { text: '{first_name}, your review', cursor: 14 },
    },
    {
      name: 'a selected range is replaced',
      input: { text: 'Hi NAME!', start: 3, end: 7, insert: '{first_name}' },
      expected: { text: 'Hi {first_name}!', cursor: 15 },
    },
    {
      name: 'a backwards selection is put in order',
      input: { text: 'Hi NAME!', start: 7, end: 3, insert: '{first_name}' },
      expected: { text: 'Hi {first_name}!', cursor: 15 },
    },
    {
      name: 'an empty message',
      input: { text: '', start: 0, end: 0, insert: '{review_url}' },
      expected: { text: '{review_url}', cursor: 12 },
    },
    {
      name: 'positions past the end (the text got shorter) are clamped to it',
      input: { text: 'Hi', start: 10, end: 12, insert: '{first_name}' },
      expected: { text: 'Hi{first_name}', cursor: 14 },
    },
    {
      name: 'a negative position is the start',
      input: { text: 'Hi', start: -3, end: 0, insert: '{email}' },
      expected: { text: '{email}Hi', cursor: 7 },
    },
    {
      name: 'no known position (NaN) inserts at the end',
      input: { text: 'Hi ', start: Number.NaN, end: Number.NaN, insert: '{first_name}' },
      expected: { text: 'Hi {first_name}', cursor: 15 },
    },
  ];
  for (const c of cases)
    test(c.name, () => assert.deepEqual(insertAtCursor(c.input.text, c.input.start, c.input.end, c.input.insert), c.expected));
});
