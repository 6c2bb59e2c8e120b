/** Profile events: Okendo signals a customer profile update; the values themselves travel as subscriber properties. */
import type { EventTypeDef } from '../types.js';

export const UPDATE_CUSTOMER_PROFILE: EventTypeDef = {
  id: 'update_customer_profile',
  name: 'Update Customer Profile',
  description: 'When there is a customer profile update, Okendo creates an Update Customer Profile event (no properties are sent).',
  properties: [],
  conditionalGroups: [],
};
