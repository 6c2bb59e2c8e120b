/**
 * @rapport/reviews/schemas — every shape the reviews platform's API answers with (and the bodies the
 * dashboard sends), one TypeBox schema each; the TypeScript types are their `Static<>`. Imports nothing
 * but typebox, so a browser bundle can import it without pulling in the server.
 */
export * from './common.js';
export * from './stores.js';
export * from './sequences.js';
export * from './review-requests.js';
export * from './reviews.js';
export * from './products.js';
export * from './postscript.js';
export * from './orders.js';
export * from './customers.js';
export * from './stats.js';
export * from './shopify.js';
