/**
 * The 22 "Okendo customer profile properties" Okendo writes onto existing Postscript subscribers
 * (Okendo never creates subscribers). Names and descriptions are verbatim from the seed because the name
 * is the property key merchants segment on in Postscript.
 */
import { tagKey } from './triggers.js';
import type { ProfilePropertyDef, PropertyType } from './types.js';

function profileProp(name: string, type: PropertyType, description: string): ProfilePropertyDef {
  return { name, key: tagKey(name), description, type };
}

export const PROFILE_PROPERTIES: readonly ProfilePropertyDef[] = [
  profileProp('Okendo Given Name', 'string', 'The first name of the customer.'),
  profileProp('Okendo Family Name', 'string', 'The last name of the customer.'),
  profileProp('Okendo Average Review Rating', 'number', 'The average rating given by the customer across all reviews.'),
  profileProp('Okendo Average Review Sentiment', 'string', "The general sentiment of the customer's reviews."),
  profileProp('Okendo Latest Review Rating', 'number', "The rating given in the customer's most recent review."),
  profileProp('Okendo Latest Review Sentiment', 'string', "The sentiment of the customer's most recent review."),
  profileProp('Okendo Latest NPS Category', 'string', "The category of the customer's latest Net Promoter Score (NPS)."),
  profileProp('Okendo Latest NPS Date', 'date', "The date of the customer's latest NPS."),
  profileProp('Okendo Latest NPS', 'number', "The score of the customer's latest NPS."),
  profileProp('Okendo Number of Reviews', 'number', 'The total number of reviews submitted by the customer.'),
  profileProp('Okendo Number of Survey Responses', 'number', 'The total number of survey responses submitted by the customer.'),
  profileProp('Okendo Referral Shareable Link', 'url', 'A link that the customer can share for referrals, if present.'),
  profileProp('Okendo Number of Successful Referrals', 'number', 'The total number of successful referrals made by the customer.'),
  profileProp('Okendo Latest Successful Referral Date', 'date', "The date of the customer's latest successful referral."),
  profileProp(
    'Okendo Total Successful Referral Revenue',
    'number',
    "The total revenue generated from the customer's successful referrals.",
  ),
  profileProp('Okendo Loyalty Enrolment Date', 'date', 'The date when the customer enrolled in the loyalty program.'),
  profileProp('Okendo Loyalty Next Birthday Date', 'date', 'The next birthday date for the customer in the loyalty program.'),
  profileProp('Okendo Loyalty Points Balance', 'number', 'The current balance of loyalty points for the customer.'),
  profileProp('Okendo Loyalty Points Expiry Date', 'date', "The date when the customer's loyalty points will expire."),
  profileProp('Okendo Loyalty Program Status', 'string', 'The current status of the customer in the loyalty program.'),
  profileProp('Okendo Loyalty VIP Tier', 'string', 'The VIP tier of the customer in the loyalty program.'),
  profileProp('Okendo Loyalty VIP Tier Expiry Date', 'date', "The expiry date of the customer's VIP tier status."),
];
