import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hasOptOutLanguage, withOptOutNotice } from '../../src/compliance/texts.js';
import { renderTemplate, type RenderContext } from '../../src/messages/render.js';
import { countSmsParts, countSmsPartsSlowly } from '../../src/messages/sms-parts.js';
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

describe('SMS part counting', () => {
  const table: { body: string; parts: number; encoding: 'GSM-7' | 'UCS-2' }[] = [
    { body: 'a'.repeat(160), parts: 1, encoding: 'GSM-7' },
    { body: 'a'.repeat(161), parts: 2, encoding: 'GSM-7' },
    { body: 'a'.repeat(306), parts: 2, encoding: 'GSM-7' },
    { body: 'a'.repeat(307), parts: 3, encoding: 'GSM-7' },
    { body: '€'.repeat(80), parts: 1, encoding: 'GSM-7' },
    { body: '€'.repeat(81), parts: 2, encoding: 'GSM-7' },
    { body: 'Hi 👋', parts: 1, encoding: 'UCS-2' },
    { body: 'é'.repeat(10), parts: 1, encoding: 'GSM-7' },
    { body: `${'a'.repeat(69)}✓`, parts: 1, encoding: 'UCS-2' },
    { body: `${'a'.repeat(70)}✓`, parts: 2, encoding: 'UCS-2' },
  ];
  for (const c of table) {
    test(`${c.body.length} chars of ${JSON.stringify(c.body.slice(-2))} → ${c.parts} × ${c.encoding}`, () => {
      const r = countSmsParts(c.body);
      assert.equal(r.parts, c.parts);
      assert.equal(r.encoding, c.encoding);
    });
  }
});

describe('opt-out language', () => {
  const table: { body: string; hasOptOut: boolean }[] = [
    { body: 'Reply STOP to unsubscribe', hasOptOut: true },
    { body: 'Text stop to opt out', hasOptOut: true },
    { body: 'unsubscribe at any time', hasOptOut: true },
    { body: 'Opt-out: reply END', hasOptOut: true },
    { body: 'Big sale today!', hasOptOut: false },
    { body: 'Unstoppable deals', hasOptOut: false },
  ];
  for (const { body, hasOptOut } of table) test(JSON.stringify(body), () => assert.equal(hasOptOutLanguage(body), hasOptOut));
  test('appends the notice only when missing', () => {
    assert.equal(withOptOutNotice('Sale!'), 'Sale!\nReply STOP to unsubscribe');
    assert.equal(withOptOutNotice('Sale! Reply STOP to opt out'), 'Sale! Reply STOP to opt out');
  });
});

describe('phone numbers', () => {
  const table: { input: string; e164: string | null }[] = [
    { input: '+1 212 555 0123', e164: '+12125550123' },
    { input: '(212) 555-0123', e164: '+12125550123' },
    { input: '12125550123', e164: '+12125550123' },
    { input: '212.555.0123', e164: '+12125550123' },
    { input: '+44 7700 900123', e164: '+447700900123' },
    { input: 'not a phone', e164: null },
    { input: '123', e164: null },
    { input: '', e164: null },
  ];
  for (const { input, e164 } of table) test(`${JSON.stringify(input)} → ${e164}`, () => assert.equal(normalizePhone(input), e164));

  const regions: { place: string | null; region: string | null }[] = [
    { place: 'New York, NY', region: 'NY' },
    { place: 'Florida', region: 'FL' },
    { place: 'Texas', region: 'TX' },
    { place: 'Washington State', region: 'WA' },
    { place: 'San Francisco, CA', region: 'CA' },
    { place: 'New Jersey', region: 'NJ' },
    { place: 'Somewhere', region: null },
    { place: null, region: null },
  ];
  for (const { place, region } of regions)
    test(`${JSON.stringify(place)} → ${region}`, () => assert.equal(regionFromGeocode(place), region));
});

describe('occurred_at parsing', () => {
  const now = new Date('2026-03-10T16:00:00Z');
  const table: { raw: string | undefined; iso: string | null }[] = [
    { raw: undefined, iso: '2026-03-10T16:00:00.000Z' },
    { raw: '2026-03-01 12:30:00.123456', iso: '2026-03-01T12:30:00.123Z' },
    { raw: '2026-03-01 12:30:00', iso: '2026-03-01T12:30:00.000Z' },
    { raw: '2026-03-01T12:30:00Z', iso: '2026-03-01T12:30:00.000Z' },
    { raw: '2026-03-01T12:30:00+00:00', iso: '2026-03-01T12:30:00.000Z' },
    { raw: '2024-02-29 00:00:00', iso: '2024-02-29T00:00:00.000Z' },
    { raw: '2026-02-30 10:00:00', iso: null },
    { raw: '2026-13-01 10:00:00', iso: null },
    { raw: 'yesterday', iso: null },
  ];
  for (const { raw, iso } of table) {
    test(`${JSON.stringify(raw)} → ${iso}`, () => {
      if (iso === null) assert.throws(() => parseOccurredAt(raw, now), /occurred_at/);
      else assert.equal(parseOccurredAt(raw, now), iso);
    });
  }
});

describe('SMS part counting: the GSM-7 shortcut agrees with the calculator', () => {
  const basic =
    '@£$¥èéùìòÇ\nØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const bodies = [
    '',
    'a',
    'x'.repeat(160),
    'x'.repeat(161),
    'x'.repeat(306),
    'x'.repeat(307),
    ...Array.from({ length: 300 }, () =>
      Array.from({ length: Math.floor(random() * 500) }, () => basic[Math.floor(random() * basic.length)]).join(''),
    ),
  ];
  test(`${bodies.length} bodies of basic GSM-7 characters, 0–500 long`, () => {
    for (const body of bodies) assert.deepEqual(countSmsParts(body), countSmsPartsSlowly(body), JSON.stringify(body.slice(0, 40)));
  });
});
