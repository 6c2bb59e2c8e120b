/**
 * The parts of Shopify's REST webhook payloads the reviews platform reads. Shopify sends hundreds of
 * other fields, so objects stay open (extra fields are ignored, never an error); what is listed and
 * required here is what recruitment and the review events cannot do without.
 */
import Type, { type Static, type TSchema } from 'typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Opt = <T extends TSchema>(schema: T) => Type.Optional(Nullable(schema));
/** Shopify REST ids are JSON numbers (64-bit); strings are accepted too and everything is stored as text. */
const Id = Type.Union([Type.Integer({ minimum: 1 }), Type.String({ minLength: 1, pattern: '^[0-9]+$' })]);
const Time = Type.String({ format: 'date-time' });

export const AddressSchema = Type.Object({
  first_name: Opt(Type.String()),
  last_name: Opt(Type.String()),
  phone: Opt(Type.String()),
  country_code: Opt(Type.String()),
  province_code: Opt(Type.String()),
});

export const CustomerSchema = Type.Object({
  id: Id,
  email: Opt(Type.String()),
  phone: Opt(Type.String()),
  first_name: Opt(Type.String()),
  last_name: Opt(Type.String()),
  default_address: Opt(AddressSchema),
});
export type ShopifyCustomer = Static<typeof CustomerSchema>;

export const LineItemSchema = Type.Object({
  id: Id,
  /** null for custom (non-catalog) items, which cannot be reviewed. */
  product_id: Opt(Id),
  variant_id: Opt(Id),
  title: Type.String(),
  variant_title: Opt(Type.String()),
  sku: Opt(Type.String()),
  quantity: Type.Integer({ minimum: 0 }),
  price: Opt(Type.Union([Type.String(), Type.Number()])),
});
export type ShopifyLineItem = Static<typeof LineItemSchema>;

export const FulfillmentLineItemSchema = Type.Object({ id: Id, quantity: Type.Integer({ minimum: 0 }) });

const fulfillmentFields = {
  id: Id,
  /** pending | open | success | cancelled | error | failure; only `success` ships goods. */
  status: Type.String(),
  /** Carrier status; `delivered` is what the delivery anchor waits for. */
  shipment_status: Opt(Type.String()),
  created_at: Opt(Time),
  updated_at: Opt(Time),
  line_items: Type.Optional(Type.Array(FulfillmentLineItemSchema)),
};

export const OrderFulfillmentSchema = Type.Object(fulfillmentFields);
export type ShopifyOrderFulfillment = Static<typeof OrderFulfillmentSchema>;

/** `fulfillments/create`, `fulfillments/update`. */
export const FulfillmentSchema = Type.Object({ ...fulfillmentFields, order_id: Id });
export type ShopifyFulfillment = Static<typeof FulfillmentSchema>;

/** `orders/create|updated|paid|fulfilled|cancelled`: every order topic carries the full order. */
export const OrderSchema = Type.Object({
  id: Id,
  /** Display name, "#1001". */
  name: Type.String({ minLength: 1 }),
  order_number: Type.Optional(Type.Union([Type.Integer(), Type.String()])),
  email: Opt(Type.String()),
  phone: Opt(Type.String()),
  customer: Opt(CustomerSchema),
  billing_address: Opt(AddressSchema),
  shipping_address: Opt(AddressSchema),
  financial_status: Opt(Type.String()),
  fulfillment_status: Opt(Type.String()),
  cancelled_at: Opt(Time),
  customer_locale: Opt(Type.String()),
  created_at: Opt(Time),
  updated_at: Opt(Time),
  line_items: Type.Array(LineItemSchema),
  fulfillments: Type.Optional(Type.Array(OrderFulfillmentSchema)),
});
export type ShopifyOrder = Static<typeof OrderSchema>;

/** `refunds/create`. */
export const RefundSchema = Type.Object({
  id: Id,
  order_id: Id,
  created_at: Opt(Time),
  refund_line_items: Type.Optional(Type.Array(Type.Object({ line_item_id: Id, quantity: Type.Integer({ minimum: 0 }) }))),
});
export type ShopifyRefund = Static<typeof RefundSchema>;

export const idText = (id: number | string): string => String(id);
