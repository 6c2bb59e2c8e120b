/**
 * Review-request events: Okendo asks a customer for a review of a fulfilled order, or withdraws the ask.
 * "Review Request Created" carries the same ten values as the legacy "Okendo Review Request" trigger tags.
 */
import { optionalProp, requiredProp } from '../define.js';
import type { EventTypeDef } from '../types.js';

export const REVIEW_REQUEST_CREATED: EventTypeDef = {
  id: 'review_request_created',
  name: 'Review Request Created',
  // Verbatim, typos included ("requiremends", "Okena"): the seed is the reference text.
  description:
    'When a fulfilled order meets review recruitment requiremends, Okena creates a review request with the following properties:',
  properties: [
    requiredProp('Email Address', 'email', 'The email address of the customer.'),
    requiredProp('First Name', 'string', 'The first name of the customer.'),
    requiredProp('Last Name', 'string', 'The last name of the customer.'),
    requiredProp('Name', 'string', 'The name of the product for review.'),
    requiredProp('Image Url', 'url', 'The URL to retrieve a product image.'),
    requiredProp('Order Fulfilled Date', 'date', 'The date the product order was fulfilled.'),
    // Shopify order numbers are display strings ("#1001"), not arithmetic values.
    requiredProp('Order Number', 'string', 'The product order number.'),
    requiredProp('Review Request Id', 'string', 'The unique ID assigned to the product request.'),
    requiredProp('Review Url', 'url', 'The URL where the customer can leave a review.'),
    optionalProp('Variant Name', 'string', 'The name of the product variant (if any) on the order.'),
  ],
  conditionalGroups: [],
};

export const REVIEW_REQUEST_CANCELLED: EventTypeDef = {
  id: 'review_request_cancelled',
  name: 'Review Request Cancelled',
  description: 'When a customer cancels a review request, Okendo creates a Review Request Cancelled event with the following properties:',
  properties: [requiredProp('Review Request Id', 'string', 'The unique identifier for the original review request.')],
  conditionalGroups: [],
};
