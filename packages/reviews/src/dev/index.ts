/**
 * @rapport/reviews/dev — development tools, not the service's API: a simulator of the Shopify store that
 * sends the reviews platform its webhooks (realistic REST payloads, signed like Shopify signs them). Used by
 * `rapport demo`, the end-to-end walkthroughs and the tests; the SMS platform's dev carrier and phone
 * simulator are its counterpart on the SMS side.
 */
export * from './shopify.js';
