/**
 * The two properties every referral and loyalty event opens with; the seed gives them the same
 * description each time, so they are defined once.
 */
import { requiredProp } from '../define.js';

export const ACTIVITY_ID = requiredProp('ActivityID', 'string', 'Unique ID assigned to the event.');
export const DATE = requiredProp('Date', 'date', 'Recorded date of event.');
