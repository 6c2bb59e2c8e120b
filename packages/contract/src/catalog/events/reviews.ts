/** Review events: a review was submitted. */
import { optionalProp, requiredProp } from '../define.js';
import type { EventTypeDef } from '../types.js';

/**
 * The seed marks only a few of the 31 properties "if present"/"if applicable", but many more depend on the
 * review form (title, bought-for, next-day delivery, reviewer location, SKU…). So only the core properties
 * every review has are required: the review itself (rating, body, date, sentiment, media counts, reviewer
 * display name, recommendation), the product (name, ID) and the customer's review aggregates.
 * Is Recommended / Okendo Has Submitted Media are described as "(Yes/No)"; they are booleans on the wire
 * so Postscript can filter on them as such.
 */
export const REVIEW_CREATED: EventTypeDef = {
  id: 'review_created',
  name: 'Review Created',
  description:
    'When a customer submits a review via Okendo, a custom event is logged in Postscript. This event includes the following properties:',
  properties: [
    optionalProp('Bought For', 'string', 'The recipient of the product'),
    optionalProp('Coupon Code', 'string', 'The code for a discount coupon, if present'),
    optionalProp('Coupon Description', 'string', 'A description of the discount coupon, if present'),
    requiredProp('Is Recommended', 'boolean', 'Does the reviewer recommend the product (Yes/N)'),
    optionalProp('Language Code', 'string', 'The language in which the review is written'),
    // "Information about loyalty events" (plural): a list of loyalty event identifiers.
    optionalProp('Loyalty Events', 'list', 'Information about loyalty events, if present'),
    optionalProp('Loyalty Points', 'number', 'The number of loyalty points awarded, if present'),
    optionalProp('Loyalty Provider', 'string', 'The provider of the loyalty program, if present'),
    optionalProp('Next-Day Delivery', 'boolean', 'Whether the order included next-day delivery'),
    requiredProp('Overall Sentiment', 'string', 'The general feeling or sentiment expressed in the review'),
    requiredProp('Photo Count', 'number', 'The number of photos included with the review'),
    requiredProp('Product Name', 'string', 'The name of the product being reviewed'),
    optionalProp('Product URL', 'url', 'The web address (URL) for the product'),
    requiredProp('Rating', 'number', 'The rating given to the product, typically on a scale (e.g., 1 to 5 stars)'),
    requiredProp('Review Body', 'string', 'The main text of the review'),
    requiredProp('Review Created Date', 'date', 'The date when the review was created'),
    optionalProp('Review Title', 'string', 'The title or headline of the review'),
    optionalProp('Reviewer Country Code', 'string', 'The country code of the reviewer'),
    requiredProp('Reviewer Display Name', 'string', 'The display name of the reviewer'),
    optionalProp('Reviewer Full Name', 'string', 'The full name of the reviewer'),
    optionalProp('Reviewer Zone Code', 'string', 'The zone code of the reviewer'),
    optionalProp('Source', 'string', 'The source of the review, if present'),
    optionalProp('VariantID', 'string', 'The unique identifier for the product variant, if applicable'),
    requiredProp('Video Count', 'number', 'The number of videos included with the review'),
    optionalProp('Variant Name', 'string', 'The name of the product variant, if applicable'),
    requiredProp('ProductID', 'string', 'The unique identifier for the product'),
    optionalProp('SKU', 'string', 'The stock keeping unit, a unique identifier for the product'),
    requiredProp('Okendo Average Review Rating', 'number', 'The average rating given by the customer across all reviews'),
    requiredProp('Okendo Has Submitted Media', 'boolean', 'Indicates whether the customer has submitted photos or videos (Yes/No)'),
    requiredProp('Okendo Latest Review Rating', 'number', "The rating given in the customer's most recent review"),
    requiredProp('Okendo Number of Reviews', 'number', 'The total number of reviews submitted by the customer'),
  ],
  conditionalGroups: [],
  // Review forms carry merchant-defined attributes (e.g. "Skin Type"), whose names cannot be listed here.
  openProperties: { description: 'Attributes captured in the review may also be passed to Postscript as event properties' },
};
