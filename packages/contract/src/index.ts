/** @rapport/contract: the Okendo → Postscript catalog, its validators and JSON Schema, and Postscript's wire shapes. */
export * from './catalog/types.js';
export * from './catalog/triggers.js';
export * from './catalog/profile-properties.js';
export * from './catalog/events/reviews.js';
export * from './catalog/events/review-requests.js';
export * from './catalog/events/quiz.js';
export * from './catalog/events/referrals.js';
export * from './catalog/events/loyalty.js';
export * from './catalog/events/survey.js';
export * from './catalog/events/profile.js';
export * from './catalog/event-types.js';
export * from './catalog/event-names.js';
export * from './property-values.js';
export * from './validate.js';
export * from './json-schema.js';
export * from './postscript.js';
