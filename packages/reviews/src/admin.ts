/** The admin operations the `rapport` CLI calls directly on the database (no HTTP). */
export { createStore } from './stores/stores.js';
export { connectPostscript, PostscriptConnectError, REJECTED_KEY_MESSAGE } from './integrations/postscript/settings.js';
export { createSequence } from './sequences/sequences.js';
