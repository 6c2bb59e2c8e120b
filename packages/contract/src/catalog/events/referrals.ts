/**
 * Referral events, in the seed's order. "Opted In to Okendo Referrals" is sent for both parties of a
 * referral under the same wire name but with different properties, so it has two definitions told apart
 * by `audience`.
 */
import { optionalProp, requiredProp } from '../define.js';
import type { EventTypeDef } from '../types.js';
import { ACTIVITY_ID, DATE } from './common.js';

export const RECEIVED_OKENDO_REFERRAL_COUPON: EventTypeDef = {
  id: 'received_okendo_referral_coupon',
  name: 'Received Okendo Referral Coupon',
  description: 'When a referral coupon is issued, Okendo creates a Received Okendo Referral Coupon event with the following properties:',
  properties: [
    ACTIVITY_ID,
    DATE,
    requiredProp('Date Received', 'date', 'The date when the coupon was received.'),
    requiredProp('Customer Role', 'string', 'The role of the customer (e.g., referrer or recipient).'),
    requiredProp('Coupon Code', 'string', 'The unique code for the coupon issued to the customer.'),
    requiredProp('Coupon Description', 'string', 'A brief description of the coupon.'),
    requiredProp('Coupon Expiry Date', 'date', 'The date when the coupon will expire.'),
  ],
  conditionalGroups: [
    {
      id: 'coupon_redeemed',
      when: 'If the coupon is redeemed',
      properties: [
        requiredProp('Recipient Order Discount Amount', 'number', "The discount amount applied to the recipient's order."),
        // An order identifier, not a quantity, even though Shopify's raw ids are numeric.
        requiredProp('Recipient Order ID', 'string', "The identifier for the recipient's order, converted to a remote ID format."),
        requiredProp('Recipient Order Number', 'string', "The order number for the recipient's order."),
        requiredProp('Recipient Order Total Price', 'number', "The total price of the recipient's order."),
      ],
    },
  ],
};

export const REDEEMED_OKENDO_REFERRAL_COUPON: EventTypeDef = {
  id: 'redeemed_okendo_referral_coupon',
  name: 'Redeemed Okendo Referral Coupon',
  description:
    'When an Okendo referral coupon is redeemed, Okendo creates a Redeemed Okendo Referral Coupon event with the following properties:',
  properties: [
    ACTIVITY_ID,
    DATE,
    requiredProp('Date Redeemed', 'date', 'The date when the coupon was redeemed.'),
    requiredProp('Customer Role', 'string', 'The role of the customer (e.g., referrer or recipient).'),
    requiredProp('Locale', 'string', 'The locale or language preference of the customer.'),
    requiredProp('Order Discount Amount', 'number', "The discount amount applied to the redeemer's order."),
    requiredProp('Order ID', 'string', "The identifier for the redeemer's order."),
    requiredProp('Order Number', 'string', "The order number for the redeemer's order."),
    requiredProp('Order Total Price', 'number', "The total price of the redeemer's order."),
  ],
  conditionalGroups: [],
};

export const OPTED_IN_TO_OKENDO_REFERRALS_REFERRER: EventTypeDef = {
  id: 'opted_in_to_okendo_referrals_referrer',
  name: 'Opted In to Okendo Referrals',
  audience: 'referrer',
  // The seed's sentence truncates the event name ("a Opted In to Okendo event"); the heading is the wire name.
  description: 'When a referrer opts into a referral program, Okendo creates a Opted In to Okendo event with the following properties:',
  properties: [
    ACTIVITY_ID,
    DATE,
    requiredProp('Date Opted-In', 'date', 'The date when the referrer opted into the referral program.'),
    requiredProp('Customer Role', 'string', 'The role of the customer (e.g., referrer).'),
    requiredProp('Locale', 'string', 'The locale or language preference of the referrer.'),
    optionalProp('Invitation Link', 'url', 'A link for inviting others, if applicable.'),
    requiredProp('Referrer Email', 'email', 'The email address of the referrer.'),
    requiredProp('Referrer Name', 'string', 'The name of the referrer.'),
  ],
  conditionalGroups: [],
};

export const OKENDO_REFERRAL_SHAREABLE_LINK_USED: EventTypeDef = {
  id: 'okendo_referral_shareable_link_used',
  name: 'Okendo Referral Shareable Link Used',
  description:
    'When an anonymous recipient shares their details after selecting a shared referral link, Okendo creates a Okendo Referral Shareable Link Used event with the following properties:',
  properties: [
    ACTIVITY_ID,
    DATE,
    requiredProp('Date Opted-In', 'date', 'The date when the referrer opted into the referral program.'),
    requiredProp('Customer Role', 'string', 'The role of the customer (e.g., referrer).'),
    requiredProp('Recipient Email', 'email', 'The email address of the recipient.'),
    requiredProp('Recipient Full Name', 'string', 'The full name of the recipient.'),
    optionalProp('Verification URL', 'url', 'A URL for verifying the referral, if applicable.'),
    requiredProp('Locale', 'string', 'The locale or language preference of the recipient.'),
  ],
  conditionalGroups: [],
};

export const OPTED_IN_TO_OKENDO_REFERRALS_RECIPIENT: EventTypeDef = {
  id: 'opted_in_to_okendo_referrals_recipient',
  name: 'Opted In to Okendo Referrals',
  audience: 'recipient',
  description:
    'When a recipient opts into a referral program, Okendo creates an Opted In to Okendo Referrals event with the following properties:',
  properties: [
    ACTIVITY_ID,
    DATE,
    requiredProp('Date Opted-In', 'date', 'The date when the referrer opted into the referral program.'),
    requiredProp('Locale', 'string', 'The locale or language preference of the customer.'),
    optionalProp('Invitation Link', 'url', 'A link for inviting others, if applicable.'),
    optionalProp('Verification URL', 'url', 'A URL for verifying the referral, if applicable.'),
    requiredProp('Recipient Email', 'email', 'The email address of the recipient.'),
    requiredProp('Recipient First Name', 'string', 'The first name of the recipient.'),
    requiredProp('Recipient Last Name', 'string', 'The last name of the recipient.'),
  ],
  conditionalGroups: [],
};

export const SENT_OKENDO_REFERRAL: EventTypeDef = {
  id: 'sent_okendo_referral',
  name: 'Sent Okendo Referral',
  description:
    'When a referrer sends an invitation to a recipient, Okendo creates a Sent Okendo Referral event with the following properties:',
  properties: [
    ACTIVITY_ID,
    DATE,
    requiredProp('Date Sent', 'date', 'The date when the invitation was sent.'),
    requiredProp('Customer Role', 'string', 'The role of the customer (e.g., referrer).'),
    requiredProp('Invitation URL', 'url', 'The URL of the invitation.'),
    requiredProp('Locale', 'string', 'The locale or language preference of the referrer.'),
    requiredProp('Recipient Full Name', 'string', 'The full name of the recipient.'),
    requiredProp('Recipient Email', 'email', 'The email address of the recipient.'),
    requiredProp('Recipient First Name', 'string', 'The first name of the recipient.'),
    requiredProp('Recipient Last Name', 'string', 'The last name of the recipient.'),
  ],
  conditionalGroups: [],
};

export const OKENDO_REFERRAL_INVITATION: EventTypeDef = {
  id: 'okendo_referral_invitation',
  name: 'Okendo Referral Invitation',
  description:
    'When a referrer sends an invitation link to a recipient, Okendo creates an Okendo Referral Invitation event with the following properties:',
  properties: [
    ACTIVITY_ID,
    DATE,
    requiredProp('Customer Role', 'string', 'The role of the customer (e.g., recipient).'),
    requiredProp('Date Sent', 'date', 'The date when the invitation was sent.'),
    requiredProp('Locale', 'string', 'The locale or language preference of the recipient.'),
    requiredProp('Recipient Email', 'email', 'The email address of the recipient.'),
    requiredProp('Recipient First Name', 'string', 'The first name of the recipient.'),
    requiredProp('Recipient Last Name', 'string', 'The last name of the recipient.'),
    requiredProp('Referrer First Name', 'string', 'The first name of the referrer.'),
    requiredProp('Referrer Last Name', 'string', 'The last name of the referrer.'),
    requiredProp('Invitation URL', 'url', 'The URL of the invitation.'),
  ],
  conditionalGroups: [],
};

export const OKENDO_REFERRAL_REJECTED: EventTypeDef = {
  id: 'okendo_referral_rejected',
  name: 'Okendo Referral Rejected',
  description: 'When a referral is rejected, Okendo creates an Okendo Referral Rejected event with the following properties:',
  properties: [
    ACTIVITY_ID,
    DATE,
    requiredProp('Customer Role', 'string', 'The role of the customer (e.g., referrer or recipient).'),
    requiredProp('Should Notify Customer', 'boolean', 'Indicates whether the customer should be notified.'),
    requiredProp('Rejection Reason', 'string', 'The reason for the referral rejection.'),
    requiredProp('Email', 'email', 'The email address of the customer.'),
    requiredProp('Locale', 'string', 'The locale or language preference of the customer.'),
    requiredProp('Rejection Type', 'string', 'The type of rejection (e.g., manual, automatic).'),
  ],
  conditionalGroups: [],
};
