/**
 * Postscript Partner API v2 wire shapes (and the v1 trigger shapes behind legacy partner triggers), as
 * TypeBox schemas with their static types. Response schemas leave extra fields allowed so newer servers stay
 * readable; request bodies are closed only where Postscript is documented to refuse unknown fields (events).
 */
import Type, { type Static, type TSchema } from 'typebox';

const DateTime = () => Type.String({ format: 'date-time' });

/**
 * Bounds on what a request may carry (Rapport's choice where Postscript publishes none; its own published
 * limit is 50 custom properties a subscriber): every string, list and map of a request body is bounded, so
 * an oversized request is refused by validation before any work is done.
 */
export const WIRE_LIMITS = {
  name: 255,
  text: 2000,
  phone: 40,
  email: 320,
  id: 100,
  tags: 100,
  listItems: 100,
  eventProperties: 100,
  subscriberProperties: 50,
  triggerTags: 50,
} as const;
const Name = (options: { minLength?: number; description?: string; examples?: string[] } = {}) =>
  Type.String({ maxLength: WIRE_LIMITS.name, ...options });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/**
 * A custom property value. Postscript documents "strings, integers, string arrays, or ISO 8601 date(time)"
 * for subscribers and infers "strings, booleans, integers, floats, datetime strings" for events; both must be
 * flat (no nested objects). null is accepted and means "no value".
 */
export const PropertyValue = Type.Union([
  Type.String({ maxLength: WIRE_LIMITS.text }),
  Type.Number(),
  Type.Boolean(),
  Type.Array(Type.Union([Type.String({ maxLength: WIRE_LIMITS.text }), Type.Number(), Type.Boolean()]), {
    maxItems: WIRE_LIMITS.listItems,
  }),
  Type.Null(),
]);
export type PropertyValue = Static<typeof PropertyValue>;

export const Properties = Type.Record(Type.String({ maxLength: WIRE_LIMITS.name }), PropertyValue, {
  maxProperties: WIRE_LIMITS.eventProperties,
});
export type Properties = Static<typeof Properties>;

// ---------------------------------------------------------------------------------------------- subscribers

const CanSend = Type.Object({ can_send: Type.Boolean() });

/** Consent is exposed only per channel through `can_send`; there is no status enum. */
export const SubscriberSchema = Type.Object({
  /** Prefixed opaque id, `s_…`. */
  id: Type.String(),
  /** Numeric storefront-cookie tracking id. */
  ps_id: Nullable(Type.Integer()),
  /** E.164. */
  phone_number: Type.String(),
  email: Nullable(Type.String()),
  shopify_customer_id: Nullable(Type.Integer()),
  properties: Properties,
  tags: Type.Array(Type.String()),
  subscriptions: Type.Object({ promotional: CanSend, transactional: CanSend }),
  created_at: DateTime(),
  updated_at: DateTime(),
  data: Type.Record(Type.String(), Type.Unknown()),
});
export type Subscriber = Static<typeof SubscriberSchema>;

/** GET /api/v2/subscribers: 1-based page numbers, no page size, no cursor. */
export const SubscriberListResponse = Type.Object({
  page_info: Type.Object({ page: Type.Integer({ minimum: 1 }), total_pages: Type.Integer({ minimum: 0 }) }),
  subscribers: Type.Array(SubscriberSchema),
});
export type SubscriberListResponse = Static<typeof SubscriberListResponse>;

/** POST /api/v2/subscribers. The subscriber stays pending until they confirm the opt-in by SMS. */
const Tags = Type.Array(Name(), { maxItems: WIRE_LIMITS.tags });
const SubscriberProperties = Type.Record(Type.String({ maxLength: WIRE_LIMITS.name }), PropertyValue, {
  maxProperties: WIRE_LIMITS.subscriberProperties,
});

export const CreateSubscriberBody = Type.Object({
  phone_number: Type.String({ minLength: 1, maxLength: WIRE_LIMITS.phone, description: 'E.164 recommended.' }),
  email: Type.Optional(Type.String({ maxLength: WIRE_LIMITS.email })),
  keyword: Type.Optional(Name()),
  keyword_id: Type.Optional(Type.String({ maxLength: WIRE_LIMITS.id })),
  shopify_customer_id: Type.Optional(Type.Integer()),
  tags: Type.Optional(Tags),
  properties: Type.Optional(SubscriberProperties),
  // Third-party docs list website | social | other (default other); kept open since Postscript's list is unpublished.
  origin: Type.Optional(Name({ examples: ['website', 'social', 'other'] })),
  first_name: Type.Optional(Name()),
  last_name: Type.Optional(Name()),
  external_id: Type.Optional(Name()),
});
export type CreateSubscriberBody = Static<typeof CreateSubscriberBody>;

/**
 * PATCH /api/v2/subscribers/{id}. `email` is set only if none exists yet, `tags` are added to existing tags,
 * `properties` merge per key and are ignored when null. A subscriber holds at most 50 custom properties.
 */
export const UpdateSubscriberBody = Type.Object({
  email: Type.Optional(Type.String({ maxLength: WIRE_LIMITS.email })),
  tags: Type.Optional(Tags),
  properties: Type.Optional(Nullable(SubscriberProperties)),
});
export type UpdateSubscriberBody = Static<typeof UpdateSubscriberBody>;

// --------------------------------------------------------------------------------------------- custom events

/**
 * POST /api/v2/events. Postscript documents `type` as [A-Za-z0-9_], but Okendo's event names contain spaces
 * ("Review Request Created") and this contract carries them verbatim, so only the length is constrained.
 * `occurred_at` is UTC, documented as `%Y-%m-%d %H:%M:%S.%f`; the ISO "T" separator is accepted too.
 */
export const CustomEventBody = Type.Object(
  {
    type: Type.String({ minLength: 1, maxLength: WIRE_LIMITS.name }),
    subscriber_id: Type.Optional(Type.String({ maxLength: WIRE_LIMITS.id })),
    phone: Type.Optional(Type.String({ maxLength: WIRE_LIMITS.phone })),
    email: Type.Optional(Type.String({ maxLength: WIRE_LIMITS.email })),
    occurred_at: Type.Optional(
      Type.String({ maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,6})?(Z|[+-]00:?00)?$' }),
    ),
    properties: Type.Optional(Properties),
    /** The event's id on the sender's system; Postscript does not promise de-duplication on it. */
    external_id: Type.Optional(Name()),
  },
  { additionalProperties: false },
);
export type CustomEventBody = Static<typeof CustomEventBody>;

/** 202 Accepted: events are matched to subscribers asynchronously. */
export const CustomEventResponse = Type.Object({ event_ids: Type.Array(Type.String()) });
export type CustomEventResponse = Static<typeof CustomEventResponse>;

// ---------------------------------------------------------------------------------------------------- identity

/** GET /api/v2/me, e.g. {"resource_id":"shop_1234567abcde","resource_name":"Postscript","resource_type":"shop"}. */
export const MeResponse = Type.Object({
  resource_id: Type.String(),
  resource_name: Type.String(),
  resource_type: Type.String(),
});
export type MeResponse = Static<typeof MeResponse>;

// ------------------------------------------------------------------------------------------------ v1 triggers

/** POST /v1/triggers. `tags` are the merge-tag keys the merchant can insert as `{key}`. */
export const CreateTriggerBody = Type.Object({
  name: Name({ minLength: 1 }),
  tags: Type.Array(Type.String({ minLength: 1, maxLength: WIRE_LIMITS.id }), { maxItems: WIRE_LIMITS.triggerTags }),
  transactional_allowed: Type.Optional(Type.Boolean()),
});
export type CreateTriggerBody = Static<typeof CreateTriggerBody>;

export const TriggerSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  tags: Type.Array(Type.String()),
  transactional_allowed: Type.Boolean(),
  created_at: DateTime(),
});
export type Trigger = Static<typeof TriggerSchema>;

/** POST /v1/triggers/{trigger_id}/subscribers/{subscriber_id}: merge-tag values keyed by tag key. */
export const FireTriggerBody = Type.Record(
  Type.String({ maxLength: WIRE_LIMITS.id }),
  Type.Union([Type.String({ maxLength: WIRE_LIMITS.text }), Type.Number(), Type.Boolean()]),
  { maxProperties: WIRE_LIMITS.triggerTags },
);
export type FireTriggerBody = Static<typeof FireTriggerBody>;

// ----------------------------------------------------------------------------------------------------- errors

/** The v2 validation/permission error shape: `loc` locates the field at fault (e.g. ["body","type"]). */
export const PostscriptErrorBody = Type.Object({
  errors: Type.Array(
    Type.Object({
      loc: Type.Array(Type.Union([Type.String(), Type.Number()])),
      msg: Type.String(),
      type: Type.String(),
    }),
  ),
});
export type PostscriptErrorBody = Static<typeof PostscriptErrorBody>;

/** The older coded shape Postscript still uses for rate limiting (3002) and keyword look-ups (3001). */
export const PostscriptCodedErrorBody = Type.Object({
  error_code: Type.Integer(),
  error_message: Type.String(),
  success: Type.Literal(false),
});
export type PostscriptCodedErrorBody = Static<typeof PostscriptCodedErrorBody>;
