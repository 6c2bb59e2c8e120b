// The 22 Okendo profile properties computed from a customer's facts (profiles/properties.ts). Pure.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PROFILE_PROPERTIES, validateProfileProperties } from '@rapport/contract';
import { okendoProfile, profileChanges, type ProfileInputs } from '../src/profiles/properties.js';

const none: ProfileInputs = { firstName: null, lastName: null, reviews: [], surveyResponseCount: 0, nps: [] };
const review = (rating: number, sentiment: 'positive' | 'negative' | 'neutral' | 'mixed', createdAt: string, photos = 0) => ({
  rating,
  sentiment,
  photoCount: photos,
  videoCount: 0,
  createdAt,
});

describe('okendoProfile', () => {
  const cases: { name: string; inputs: ProfileInputs; expected: Record<string, unknown> }[] = [
    { name: 'a customer we know nothing about: no properties at all (never sent empty)', inputs: none, expected: {} },
    {
      name: 'names only (an order, no review yet)',
      inputs: { ...none, firstName: 'Jane', lastName: 'Doe' },
      expected: { 'Okendo Given Name': 'Jane', 'Okendo Family Name': 'Doe' },
    },
    {
      name: 'two reviews: averages over both, latest by date whatever the order given',
      inputs: { ...none, reviews: [review(2, 'negative', '2026-03-02T10:00:00Z'), review(5, 'positive', '2026-03-01T10:00:00Z')] },
      expected: {
        'Okendo Average Review Rating': 3.5,
        'Okendo Average Review Sentiment': 'neutral',
        'Okendo Latest Review Rating': 2,
        'Okendo Latest Review Sentiment': 'negative',
        'Okendo Number of Reviews': 2,
      },
    },
    {
      name: 'NPS: the latest answer wins; every survey response counts, NPS or not',
      inputs: {
        ...none,
        surveyResponseCount: 3,
        nps: [
          { score: 10, category: 'promoter', createdAt: '2026-03-01T00:00:00Z' },
          { score: 6, category: 'detractor', createdAt: '2026-03-05T00:00:00Z' },
        ],
      },
      expected: {
        'Okendo Latest NPS': 6,
        'Okendo Latest NPS Category': 'detractor',
        'Okendo Latest NPS Date': '2026-03-05T00:00:00.000Z',
        'Okendo Number of Survey Responses': 3,
      },
    },
    {
      name: 'loyalty and referrals, once those programmes feed them: all 22 properties',
      inputs: {
        firstName: 'Jane',
        lastName: 'Doe',
        reviews: [review(4, 'positive', '2026-03-01T00:00:00Z', 1)],
        surveyResponseCount: 1,
        nps: [{ score: 9, category: 'promoter', createdAt: '2026-03-01T00:00:00Z' }],
        referrals: {
          shareableLink: 'https://acme.example/r/jane',
          successfulCount: 2,
          latestSuccessAt: '2026-03-04T00:00:00Z',
          totalRevenue: 120.456,
        },
        loyalty: {
          enrolledAt: '2026-01-01T00:00:00Z',
          nextBirthday: '2026-07-04T00:00:00Z',
          pointsBalance: 350,
          pointsExpireAt: '2027-01-01T00:00:00Z',
          status: 'member',
          vipTier: 'Gold',
          vipTierExpiresAt: '2027-01-01T00:00:00Z',
        },
      },
      expected: Object.fromEntries(PROFILE_PROPERTIES.map((p) => [p.name, undefined])),
    },
  ];
  for (const c of cases)
    test(c.name, () => {
      const profile = okendoProfile(c.inputs);
      assert.deepEqual(validateProfileProperties(profile), { ok: true });
      const all22 = Object.keys(c.expected).length === PROFILE_PROPERTIES.length;
      if (all22) {
        assert.deepEqual(Object.keys(profile).sort(), Object.keys(c.expected).sort());
        assert.equal(profile['Okendo Total Successful Referral Revenue'], 120.46);
      } else assert.deepEqual(profile, c.expected);
    });
});

describe('profileChanges', () => {
  test('only what is new or different goes in the patch; a value Postscript already has is not resent', () => {
    assert.deepEqual(
      profileChanges(
        { 'Okendo Given Name': 'Jane', 'Okendo Number of Reviews': 1 },
        { 'Okendo Given Name': 'Jane', 'Okendo Number of Reviews': 2, 'Okendo Latest Review Rating': 5 },
      ),
      { 'Okendo Number of Reviews': 2, 'Okendo Latest Review Rating': 5 },
    );
    assert.deepEqual(profileChanges({ 'Okendo Given Name': 'Jane' }, { 'Okendo Given Name': 'Jane' }), {});
  });
});
