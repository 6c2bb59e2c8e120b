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

const cases: { title: string; schema: TSchema; value: unknown; valid: boolean }[] = [
  { title: 'subscriber: reference example', schema: SubscriberSchema, value: SUBSCRIBER, valid: true },
  {
    title: 'subscriber: null email and shopify id',
    schema: SubscriberSchema,
    value: { ...SUBSCRIBER, email: null, shopify_customer_id: null },
    valid: true,
  },
  {
    title: 'subscriber: missing subscriptions',
    schema: SubscriberSchema,
    value: { ...SUBSCRIBER, subscriptions: undefined },
    valid: false,
  },
  {
    title: 'subscriber: nested property object',
    schema: SubscriberSchema,
    value: { ...SUBSCRIBER, properties: { a: { b: 1 } } },
    valid: false,
  },
  {
    title: 'subscriber list: reference example',
    schema: SubscriberListResponse,
    value: { page_info: { page: 1, total_pages: 1 }, subscribers: [SUBSCRIBER] },
    valid: true,
  },
  {
    title: 'subscriber list: page 0',
    schema: SubscriberListResponse,
    value: { page_info: { page: 0, total_pages: 1 }, subscribers: [] },
    valid: false,
  },
  { title: 'create subscriber: phone only', schema: CreateSubscriberBody, value: { phone_number: '+15555550123' }, valid: true },
  {
    title: 'create subscriber: every field',
    schema: CreateSubscriberBody,
    value: {
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
    valid: true,
  },
  { title: 'create subscriber: no phone', schema: CreateSubscriberBody, value: { email: 'ada@example.com' }, valid: false },
  {
    title: 'update subscriber: properties with spaces',
    schema: UpdateSubscriberBody,
    value: { properties: { 'Segment Audiences': ['key1'] } },
    valid: true,
  },
  {
    title: 'update subscriber: null properties are ignored, so allowed',
    schema: UpdateSubscriberBody,
    value: { properties: null },
    valid: true,
  },
  {
    title: 'update subscriber: more than 50 properties',
    schema: UpdateSubscriberBody,
    value: { properties: Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`p${index}`, index])) },
    valid: false,
  },
  {
    title: 'custom event: seed name with spaces and seed properties',
    schema: CustomEventBody,
    value: { type: 'Review Request Created', email: 'ada@example.com', properties: REVIEW_REQUEST_CREATED_PAYLOAD, external_id: 'rr_8f2c' },
    valid: true,
  },
  {
    title: 'custom event: Segment-style example',
    schema: CustomEventBody,
    value: {
      type: 'Segment_Audience_Entered',
      subscriber_id: 's_1',
      properties: { 'Segment Audience ID': 'a', 'Segment Audience Key': 'b' },
    },
    valid: true,
  },
  {
    title: 'custom event: documented occurred_at format',
    schema: CustomEventBody,
    value: { type: 'X', occurred_at: '2024-05-01 09:30:00.123456' },
    valid: true,
  },
  {
    title: 'custom event: ISO occurred_at',
    schema: CustomEventBody,
    value: { type: 'X', occurred_at: '2024-05-01T09:30:00Z' },
    valid: true,
  },
  { title: 'custom event: malformed occurred_at', schema: CustomEventBody, value: { type: 'X', occurred_at: 'yesterday' }, valid: false },
  { title: 'custom event: empty type', schema: CustomEventBody, value: { type: '' }, valid: false },
  { title: 'custom event: type over 255 chars', schema: CustomEventBody, value: { type: 'x'.repeat(256) }, valid: false },
  { title: 'custom event: unknown top-level field', schema: CustomEventBody, value: { type: 'X', data: {} }, valid: false },
  { title: 'custom event: nested property', schema: CustomEventBody, value: { type: 'X', properties: { a: { b: 1 } } }, valid: false },
  { title: 'custom event response', schema: CustomEventResponse, value: { event_ids: ['1234-abcd-5678'] }, valid: true },
  {
    title: 'me: reference example',
    schema: MeResponse,
    value: { resource_id: 'shop_1234567abcde', resource_name: 'Postscript', resource_type: 'shop' },
    valid: true,
  },
  {
    title: 'create trigger: the Okendo Review Request trigger',
    schema: CreateTriggerBody,
    value: { name: OKENDO_REVIEW_REQUEST_TRIGGER.name, tags: OKENDO_REVIEW_REQUEST_TRIGGER.tags.map((tag) => tag.key) },
    valid: true,
  },
  { title: 'create trigger: tags as objects', schema: CreateTriggerBody, value: { name: 'X', tags: [{ key: 'a' }] }, valid: false },
  {
    title: 'trigger',
    schema: TriggerSchema,
    value: {
      id: 't_1',
      name: 'Okendo Review Request',
      tags: ['review_url'],
      transactional_allowed: false,
      created_at: '2024-05-01T00:00:00Z',
    },
    valid: true,
  },
  {
    title: 'fire trigger: tag values',
    schema: FireTriggerBody,
    value: { review_url: 'https://shop.example.com/r', order_number: 1001, vip: true },
    valid: true,
  },
  { title: 'fire trigger: nested value', schema: FireTriggerBody, value: { review_url: { href: 'x' } }, valid: false },
  {
    title: 'error: access denied example',
    schema: PostscriptErrorBody,
    value: { errors: [{ loc: [], msg: 'Access denied.', type: 'v2.access_denied' }] },
    valid: true,
  },
  {
    title: 'error: field location',
    schema: PostscriptErrorBody,
    value: { errors: [{ loc: ['body', 'properties', 0], msg: 'x', type: 'value_error' }] },
    valid: true,
  },
  {
    title: 'error: rate limit',
    schema: PostscriptCodedErrorBody,
    value: { error_code: 3002, error_message: 'Rate limit exceeded', success: false },
    valid: true,
  },
];

describe('Postscript wire shapes', () => {
  for (const { title, schema, value, valid } of cases) {
    it(`${valid ? 'accepts' : 'rejects'} ${title}`, () => {
      assert.equal(Compile(schema).Check(value), valid);
    });
  }
});
