/** Quiz events: a customer completed an Okendo quiz. */
import { optionalProp, requiredProp } from '../define.js';
import type { EventTypeDef } from '../types.js';
import { ACTIVITY_ID, DATE } from './common.js';

export const SUBMITTED_OKENDO_QUIZ: EventTypeDef = {
  id: 'submitted_okendo_quiz',
  name: 'Submitted Okendo Quiz',
  description: 'When a customer completes an Okendo quiz, Okendo creates a Submitted Okendo Quiz event with the following properties:',
  properties: [
    ACTIVITY_ID,
    DATE,
    requiredProp('Quiz Name', 'string', 'The name of the quiz taken by the customer.'),
    requiredProp('Quiz Response ID', 'string', 'A unique identifier for the quiz response.'),
    optionalProp('Redirect URL', 'url', 'The URL to which the customer is redirected after completing the quiz, if applicable.'),
    optionalProp('First Recommended Product ID', 'string', 'The identifier for the first recommended product, if applicable.'),
  ],
  conditionalGroups: [],
};
