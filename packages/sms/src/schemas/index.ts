/**
 * @rapport/sms/schemas — every shape the SMS platform's API answers with (and the bodies the dashboard
 * sends), one TypeBox schema each; the TypeScript types are their `Static<>`. Imports nothing but typebox
 * and @rapport/contract, so a browser bundle can import it without pulling in the server.
 */
export * from './common.js';
export * from './subscribers.js';
export * from './triggers.js';
export * from './automations.js';
export * from './messages.js';
export * from './events.js';
export * from './keys.js';
export * from './shops.js';
export * from './stats.js';
export * from './flows.js';
