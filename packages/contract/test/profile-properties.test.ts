import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PROFILE_PROPERTIES, PROPERTY_TYPES, tagKey } from '../src/index.js';

/** Copied from the seed's "Okendo customer profile properties" table, in order. */
const SEED_PROFILE_PROPERTY_NAMES = [
  'Okendo Given Name',
  'Okendo Family Name',
  'Okendo Average Review Rating',
  'Okendo Average Review Sentiment',
  'Okendo Latest Review Rating',
  'Okendo Latest Review Sentiment',
  'Okendo Latest NPS Category',
  'Okendo Latest NPS Date',
  'Okendo Latest NPS',
  'Okendo Number of Reviews',
  'Okendo Number of Survey Responses',
  'Okendo Referral Shareable Link',
  'Okendo Number of Successful Referrals',
  'Okendo Latest Successful Referral Date',
  'Okendo Total Successful Referral Revenue',
  'Okendo Loyalty Enrolment Date',
  'Okendo Loyalty Next Birthday Date',
  'Okendo Loyalty Points Balance',
  'Okendo Loyalty Points Expiry Date',
  'Okendo Loyalty Program Status',
  'Okendo Loyalty VIP Tier',
  'Okendo Loyalty VIP Tier Expiry Date',
];

describe('profile properties', () => {
  it('lists exactly the 22 seed properties, verbatim and in order', () => {
    assert.equal(PROFILE_PROPERTIES.length, 22);
    assert.deepEqual(
      PROFILE_PROPERTIES.map((prop) => prop.name),
      SEED_PROFILE_PROPERTY_NAMES,
    );
  });

  it('carries the seed descriptions verbatim', () => {
    const byName = new Map(PROFILE_PROPERTIES.map((prop) => [prop.name, prop.description]));
    assert.equal(byName.get('Okendo Given Name'), 'The first name of the customer.');
    assert.equal(byName.get('Okendo Referral Shareable Link'), 'A link that the customer can share for referrals, if present.');
    assert.equal(byName.get('Okendo Latest NPS Category'), "The category of the customer's latest Net Promoter Score (NPS).");
    assert.equal(byName.get('Okendo Loyalty VIP Tier Expiry Date'), "The expiry date of the customer's VIP tier status.");
  });

  const typeCases: { name: string; type: string }[] = [
    { name: 'Okendo Given Name', type: 'string' },
    { name: 'Okendo Average Review Rating', type: 'number' },
    { name: 'Okendo Average Review Sentiment', type: 'string' },
    { name: 'Okendo Latest NPS Category', type: 'string' },
    { name: 'Okendo Latest NPS Date', type: 'date' },
    { name: 'Okendo Latest NPS', type: 'number' },
    { name: 'Okendo Number of Survey Responses', type: 'number' },
    { name: 'Okendo Referral Shareable Link', type: 'url' },
    { name: 'Okendo Total Successful Referral Revenue', type: 'number' },
    { name: 'Okendo Loyalty Next Birthday Date', type: 'date' },
    { name: 'Okendo Loyalty Points Balance', type: 'number' },
    { name: 'Okendo Loyalty Program Status', type: 'string' },
    { name: 'Okendo Loyalty VIP Tier', type: 'string' },
  ];
  for (const { name, type } of typeCases) {
    it(`types "${name}" as ${type}`, () => {
      assert.equal(PROFILE_PROPERTIES.find((prop) => prop.name === name)?.type, type);
    });
  }

  it('gives every property a known type and a unique snake_case key derived from its name', () => {
    const keys = PROFILE_PROPERTIES.map((prop) => prop.key);
    assert.equal(new Set(keys).size, keys.length);
    for (const prop of PROFILE_PROPERTIES) {
      assert.ok(PROPERTY_TYPES.includes(prop.type), prop.name);
      assert.match(prop.key, /^[a-z0-9]+(_[a-z0-9]+)*$/);
      assert.equal(prop.key, tagKey(prop.name));
    }
    assert.equal(PROFILE_PROPERTIES[0]?.key, 'okendo_given_name');
    assert.equal(PROFILE_PROPERTIES.find((prop) => prop.name === 'Okendo Latest NPS')?.key, 'okendo_latest_nps');
    assert.equal(PROFILE_PROPERTIES.find((prop) => prop.name === 'Okendo Loyalty VIP Tier')?.key, 'okendo_loyalty_vip_tier');
  });
});
