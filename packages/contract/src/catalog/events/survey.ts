/** Survey events: a survey response was submitted, optionally with a coupon or loyalty reward. */
import { optionalProp, requiredProp } from '../define.js';
import type { EventTypeDef } from '../types.js';

/**
 * Answers arrive as one extra property per question (the question text is the property name), hence
 * `openProperties`. A response carries at most one reward type, hence the shared `choice`.
 */
export const SUBMITTED_OKENDO_SURVEY: EventTypeDef = {
  id: 'submitted_okendo_survey',
  name: 'Submitted Okendo Survey',
  // Verbatim, typo included ("it submitted").
  description: 'When a survey response it submitted, Okendo creates a Submitted Okendo Survey event with the following properties:',
  properties: [
    requiredProp('Survey Name', 'string', 'The name of the survey that the customer completed.'),
    requiredProp('Email Address', 'email', 'The email address provided by the customer.'),
    requiredProp('First Name', 'string', 'The first name of the customer.'),
    requiredProp('Last Name', 'string', 'The last name of the customer.'),
  ],
  conditionalGroups: [
    {
      id: 'reward_coupon',
      when: 'If rewardType is "coupon"',
      choice: 'reward_type',
      properties: [
        requiredProp('Coupon Description', 'string', 'A description of the coupon awarded.'),
        requiredProp('Coupon Code', 'string', 'The code for the coupon awarded to the customer.'),
      ],
    },
    {
      id: 'reward_loyalty',
      when: 'If rewardType is "loyalty"',
      choice: 'reward_type',
      properties: [
        // Singular here ("The event ID"), unlike Review Created's list of loyalty events.
        optionalProp('Loyalty Events', 'string', 'The event ID associated with the loyalty reward, if applicable.'),
        optionalProp('Loyalty Points', 'number', 'The number of loyalty points awarded, if applicable.'),
        requiredProp('Loyalty Provider', 'string', 'The provider of the loyalty program.'),
      ],
    },
  ],
  openProperties: {
    description: 'Additional properties containing questions from the survey and the corresponding answers provided by the customer.',
  },
};
