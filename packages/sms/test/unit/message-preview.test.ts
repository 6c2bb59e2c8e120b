import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { previewMessage } from '../../src/automations/legacy/preview.js';

// The automation editor's preview, as a merchant typing into the message field meets it.
const trigger = { name: 'Okendo Review Request', tags: ['review_url', 'first_name', 'order_number'] };

const scenarios: { name: string; body: string; expected: { rendered?: string; segments?: number; encoding?: string; errors: string[] } }[] =
  [
    {
      name: 'the seed’s message with {review_url} renders with a sample link, one GSM-7 part',
      body: 'Thanks {first_name}! Tell us what you think: {review_url}',
      expected: {
        rendered: 'Thanks Jane! Tell us what you think: http://127.0.0.1:4200/r/Xy7Kq2mP9vB4nR8sT1wZ',
        segments: 1,
        encoding: 'GSM-7',
        errors: [],
      },
    },
    {
      name: 'an emoji makes it UCS-2 (70 characters a part)',
      body: `${'Loved it? '.repeat(6)}🎉 {review_url}`,
      expected: { segments: 2, encoding: 'UCS-2', errors: [] },
    },
    {
      name: 'an unknown tag is refused, naming it',
      body: 'Hi {frist_name}',
      expected: { errors: ['{frist_name} is not a tag of "Okendo Review Request", a subscriber field or an Okendo profile property'] },
    },
    {
      name: 'an unclosed brace is refused, saying where',
      body: 'Review us: {review_url',
      expected: { errors: ['"{" at character 12 is never closed: write {tag}'] },
    },
    {
      name: 'a stray closing brace and an empty tag',
      body: 'oops} and {}',
      expected: { errors: ['"}" at character 5 has no "{" before it', '"{}" at character 11 names no tag'] },
    },
    {
      name: 'subscriber fields and Okendo profile properties (seed name or key) are known',
      body: '{last_name}, you have {Okendo Loyalty Points Balance} points ({okendo_loyalty_vip_tier})',
      expected: { errors: [] },
    },
    {
      name: 'a fallback renders when the sample has no value',
      body: 'Order {order_number|soon}',
      expected: { rendered: 'Order #1001', errors: [] },
    },
  ];

describe('message preview', () => {
  for (const s of scenarios) {
    test(s.name, () => {
      const p = previewMessage(s.body, trigger);
      assert.deepEqual(
        p.errors.map((e) => e.msg),
        s.expected.errors,
      );
      if (s.expected.rendered !== undefined) assert.equal(p.rendered, s.expected.rendered);
      if (s.expected.segments !== undefined) assert.equal(p.segments, s.expected.segments);
      if (s.expected.encoding !== undefined) assert.equal(p.encoding, s.expected.encoding);
    });
  }
});
