import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasOptOutLanguage, withOptOutNotice } from '../../src/compliance/texts.js';
import { renderTemplate, type RenderContext } from '../../src/messages/render.js';
import { countSegments } from '../../src/messages/segments.js';
import { regionFromGeocode } from '../../src/phone/regions.js';
import { normalizePhone } from '../../src/phone/normalize.js';
import { parseOccurredAt } from '../../src/events/occurred-at.js';

const subscriber = {
  first_name: 'Ada',
  last_name: null,
  phone_number: '+12125550101',
  email: 'ada@example.com',
  properties: { 'Okendo Loyalty VIP Tier': 'Gold', 'Okendo Loyalty Points Balance': 120, favourite: ['tea', 'cake'] },
};

const cases: { name: string; template: string; ctx: RenderContext; body: string; warnings?: number }[] = [
  {
    name: 'trigger tag',
    template: 'Review it: {review_url}',
    ctx: { tags: { review_url: 'https://r.example/1' } },
    body: 'Review it: https://r.example/1',
  },
  {
    name: 'fire tags win over subscriber fields',
    template: 'Hi {first_name}',
    ctx: { tags: { first_name: 'Bob' }, subscriber },
    body: 'Hi Bob',
  },
  { name: 'subscriber field', template: 'Hi {first_name}!', ctx: { tags: {}, subscriber }, body: 'Hi Ada!' },
  { name: 'fallback used when missing', template: 'Hi {last_name|there}', ctx: { tags: {}, subscriber }, body: 'Hi there' },
  { name: 'fallback ignored when present', template: 'Hi {first_name|there}', ctx: { tags: {}, subscriber }, body: 'Hi Ada' },
  { name: 'empty fallback', template: 'Hi{last_name|}!', ctx: { tags: {}, subscriber }, body: 'Hi!' },
  {
    name: 'property by tag key',
    template: 'You are {okendo_loyalty_vip_tier} with {okendo_loyalty_points_balance} pts',
    ctx: { tags: {}, subscriber },
    body: 'You are Gold with 120 pts',
  },
  { name: 'property by exact name', template: '{Okendo Loyalty VIP Tier}', ctx: { tags: {}, subscriber }, body: 'Gold' },
  { name: 'list property', template: 'Likes {favourite}', ctx: { tags: {}, subscriber }, body: 'Likes tea, cake' },
  { name: 'phone and email', template: '{phone_number} / {email}', ctx: { tags: {}, subscriber }, body: '+12125550101 / ada@example.com' },
  { name: 'number and boolean tag values', template: '{n} {b}', ctx: { tags: { n: 3, b: false } }, body: '3 false' },
  {
    name: 'unknown tag renders empty with a warning',
    template: 'Code: {coupon}.',
    ctx: { tags: {}, subscriber },
    body: 'Code: .',
    warnings: 1,
  },
  { name: 'spaces inside braces', template: 'Hi { first_name }', ctx: { tags: {}, subscriber }, body: 'Hi Ada' },
  { name: 'unbalanced braces are left alone', template: 'a { b', ctx: { tags: {} }, body: 'a { b' },
  { name: 'null tag value falls back', template: 'Hi {name|friend}', ctx: { tags: { name: null } }, body: 'Hi friend' },
];

describe('template rendering', () => {
  for (const c of cases) {
    test(c.name, () => {
      const r = renderTemplate(c.template, c.ctx);
      assert.equal(r.body, c.body);
      assert.equal(r.warnings.length, c.warnings ?? 0);
    });
  }
});

describe('segment counting', () => {
  const table: [string, number, string][] = [
    ['a'.repeat(160), 1, 'GSM-7'],
    ['a'.repeat(161), 2, 'GSM-7'],
    ['a'.repeat(306), 2, 'GSM-7'],
    ['a'.repeat(307), 3, 'GSM-7'],
    ['€'.repeat(80), 1, 'GSM-7'],
    ['€'.repeat(81), 2, 'GSM-7'],
    ['Hi 👋', 1, 'UCS-2'],
    ['é'.repeat(10), 1, 'GSM-7'],
    [`${'a'.repeat(69)}✓`, 1, 'UCS-2'],
    [`${'a'.repeat(70)}✓`, 2, 'UCS-2'],
  ];
  for (const [body, segments, encoding] of table) {
    test(`${body.length} chars of ${JSON.stringify(body.slice(-2))} → ${segments} × ${encoding}`, () => {
      const r = countSegments(body);
      assert.equal(r.segments, segments);
      assert.equal(r.encoding, encoding);
    });
  }
});

describe('opt-out language', () => {
  const table: [string, boolean][] = [
    ['Reply STOP to unsubscribe', true],
    ['Text stop to opt out', true],
    ['unsubscribe at any time', true],
    ['Opt-out: reply END', true],
    ['Big sale today!', false],
    ['Unstoppable deals', false],
  ];
  for (const [body, has] of table) test(JSON.stringify(body), () => assert.equal(hasOptOutLanguage(body), has));
  test('appends the notice only when missing', () => {
    assert.equal(withOptOutNotice('Sale!'), 'Sale!\nReply STOP to unsubscribe');
    assert.equal(withOptOutNotice('Sale! Reply STOP to opt out'), 'Sale! Reply STOP to opt out');
  });
});

describe('phone numbers', () => {
  const table: [string, string | null][] = [
    ['+1 212 555 0123', '+12125550123'],
    ['(212) 555-0123', '+12125550123'],
    ['12125550123', '+12125550123'],
    ['212.555.0123', '+12125550123'],
    ['+44 7700 900123', '+447700900123'],
    ['not a phone', null],
    ['123', null],
    ['', null],
  ];
  for (const [input, e164] of table) test(`${JSON.stringify(input)} → ${e164}`, () => assert.equal(normalizePhone(input), e164));

  const regions: [string | null, string | null][] = [
    ['New York, NY', 'NY'],
    ['Florida', 'FL'],
    ['Texas', 'TX'],
    ['Washington State', 'WA'],
    ['San Francisco, CA', 'CA'],
    ['New Jersey', 'NJ'],
    ['Somewhere', null],
    [null, null],
  ];
  for (const [place, region] of regions) test(`${JSON.stringify(place)} → ${region}`, () => assert.equal(regionFromGeocode(place), region));
});

describe('occurred_at parsing', () => {
  const now = new Date('2026-03-10T16:00:00Z');
  const table: [string | undefined, string | null][] = [
    [undefined, '2026-03-10T16:00:00.000Z'],
    ['2026-03-01 12:30:00.123456', '2026-03-01T12:30:00.123Z'],
    ['2026-03-01 12:30:00', '2026-03-01T12:30:00.000Z'],
    ['2026-03-01T12:30:00Z', '2026-03-01T12:30:00.000Z'],
    ['2026-03-01T12:30:00+00:00', '2026-03-01T12:30:00.000Z'],
    ['2024-02-29 00:00:00', '2024-02-29T00:00:00.000Z'],
    ['2026-02-30 10:00:00', null],
    ['2026-13-01 10:00:00', null],
    ['yesterday', null],
  ];
  for (const [raw, iso] of table) {
    test(`${JSON.stringify(raw)} → ${iso}`, () => {
      if (iso === null) assert.throws(() => parseOccurredAt(raw, now), /occurred_at/);
      else assert.equal(parseOccurredAt(raw, now), iso);
    });
  }
});
