import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import {
  CreateSubscriberBody,
  CreateTriggerBody,
  CustomEventBody,
  CustomEventResponse,
  FireTriggerBody,
  MeResponse,
  OKENDO_REVIEW_REQUEST_TRIGGER,
  PostscriptCodedErrorBody,
  PostscriptErrorBody,
  SubscriberListResponse,
  SubscriberSchema,
  TriggerSchema,
  UpdateSubscriberBody,
} from '../src/index.js';
import { REVIEW_REQUEST_CREATED_PAYLOAD } from './fixtures.js';

/** Examples from the reference's wire samples (developers.postscript.io via the api-evangelist harvest). */
const SUBSCRIBER = {
  created_at: '2019-08-24T14:15:22Z',
  data: {},
  email: 'string',
  id: 's_123',
  ps_id: 42,
  phone_number: '+15555550123',
  properties: { has_purchased: true, days_since_purchase: 5, categories: ['Beauty', 'Home Goods'], birthday: '1991-01-01' },
  shopify_customer_id: 0,
  subscriptions: { promotional: { can_send: true }, transactional: { can_send: true } },
  tags: ['VIP'],
  updated_at: '2019-08-24T14:15:22Z',
};

const cases: [title: string, schema: TSchema, value: unknown, valid: boolean][] = [
  ['subscriber: reference example', SubscriberSchema, SUBSCRIBER, true],
  ['subscriber: null email and shopify id', SubscriberSchema, { ...SUBSCRIBER, email: null, shopify_customer_id: null }, true],
  ['subscriber: missing subscriptions', SubscriberSchema, { ...SUBSCRIBER, subscriptions: undefined }, false],
  ['subscriber: nested property object', SubscriberSchema, { ...SUBSCRIBER, properties: { a: { b: 1 } } }, false],
  [
    'subscriber list: reference example',
    SubscriberListResponse,
    { page_info: { page: 1, total_pages: 1 }, subscribers: [SUBSCRIBER] },
    true,
  ],
  ['subscriber list: page 0', SubscriberListResponse, { page_info: { page: 0, total_pages: 1 }, subscribers: [] }, false],
  ['create subscriber: phone only', CreateSubscriberBody, { phone_number: '+15555550123' }, true],
  [
    'create subscriber: every field',
    CreateSubscriberBody,
    {
      phone_number: '+15555550123',
      email: 'ada@example.com',
      keyword: 'JOIN',
      keyword_id: 'kw_31afjew824892ks',
      shopify_customer_id: 8123,
      tags: ['okendo'],
      properties: { 'Okendo Given Name': 'Ada' },
      origin: 'other',
      first_name: 'Ada',
      last_name: 'Lovelace',
      external_id: 'cust_1',
    },
    true,
  ],
  ['create subscriber: no phone', CreateSubscriberBody, { email: 'ada@example.com' }, false],
  ['update subscriber: properties with spaces', UpdateSubscriberBody, { properties: { 'Segment Audiences': ['key1'] } }, true],
  ['update subscriber: null properties are ignored, so allowed', UpdateSubscriberBody, { properties: null }, true],
  [
    'update subscriber: more than 50 properties',
    UpdateSubscriberBody,
    { properties: Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`p${index}`, index])) },
    false,
  ],
  [
    'custom event: seed name with spaces and seed properties',
    CustomEventBody,
    { type: 'Review Request Created', email: 'ada@example.com', properties: REVIEW_REQUEST_CREATED_PAYLOAD, external_id: 'rr_8f2c' },
    true,
  ],
  [
    'custom event: Segment-style example',
    CustomEventBody,
    { type: 'Segment_Audience_Entered', subscriber_id: 's_1', properties: { 'Segment Audience ID': 'a', 'Segment Audience Key': 'b' } },
    true,
  ],
  ['custom event: documented occurred_at format', CustomEventBody, { type: 'X', occurred_at: '2024-05-01 09:30:00.123456' }, true],
  ['custom event: ISO occurred_at', CustomEventBody, { type: 'X', occurred_at: '2024-05-01T09:30:00Z' }, true],
  ['custom event: malformed occurred_at', CustomEventBody, { type: 'X', occurred_at: 'yesterday' }, false],
  ['custom event: empty type', CustomEventBody, { type: '' }, false],
  ['custom event: type over 255 chars', CustomEventBody, { type: 'x'.repeat(256) }, false],
  ['custom event: unknown top-level field', CustomEventBody, { type: 'X', data: {} }, false],
  ['custom event: nested property', CustomEventBody, { type: 'X', properties: { a: { b: 1 } } }, false],
  ['custom event response', CustomEventResponse, { event_ids: ['1234-abcd-5678'] }, true],
  ['me: reference example', MeResponse, { resource_id: 'shop_1234567abcde', resource_name: 'Postscript', resource_type: 'shop' }, true],
  [
    'create trigger: the Okendo Review Request trigger',
    CreateTriggerBody,
    { name: OKENDO_REVIEW_REQUEST_TRIGGER.name, tags: OKENDO_REVIEW_REQUEST_TRIGGER.tags.map((tag) => tag.key) },
    true,
  ],
  ['create trigger: tags as objects', CreateTriggerBody, { name: 'X', tags: [{ key: 'a' }] }, false],
  [
    'trigger',
    TriggerSchema,
    { id: 't_1', name: 'Okendo Review Request', tags: ['review_url'], transactional_allowed: false, created_at: '2024-05-01T00:00:00Z' },
    true,
  ],
  ['fire trigger: tag values', FireTriggerBody, { review_url: 'https://shop.example.com/r', order_number: 1001, vip: true }, true],
  ['fire trigger: nested value', FireTriggerBody, { review_url: { href: 'x' } }, false],
  ['error: access denied example', PostscriptErrorBody, { errors: [{ loc: [], msg: 'Access denied.', type: 'v2.access_denied' }] }, true],
  ['error: field location', PostscriptErrorBody, { errors: [{ loc: ['body', 'properties', 0], msg: 'x', type: 'value_error' }] }, true],
  ['error: rate limit', PostscriptCodedErrorBody, { error_code: 3002, error_message: 'Rate limit exceeded', success: false }, true],
];

describe('Postscript wire shapes', () => {
  for (const [title, schema, value, valid] of cases) {
    it(`${valid ? 'accepts' : 'rejects'} ${title}`, () => {
      assert.equal(Compile(schema).Check(value), valid);
    });
  }
});
