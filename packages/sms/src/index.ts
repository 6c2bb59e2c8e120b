/** @rapport/sms — the SMS marketing platform (a Postscript-compatible API over its own database). */
export type { SmsDatabase, SmsSchema } from './db/schema.js';
export { openSmsDatabase } from './db/open.js';
export { smsMigrations } from './db/migrations/index.js';
export { createSmsService, providerFromConfig, type SmsService, type SmsServiceOptions } from './service.js';
export {
  createShop,
  createLegacyAutomation,
  listMessages,
  createKeyPair,
  listKeys,
  revealPrivateKey,
  revokeKey,
  createUserAccount,
  importFlow,
  exportFlowFile,
} from './admin.js';
export type { ApiKeyView } from './schemas/keys.js';
export type { SmsProvider } from './providers/provider.js';
export { ProviderRejectedError } from './providers/provider.js';
export { createDevCarrier } from './providers/dev-carrier.js';
export { createTwilioProvider, type TwilioProviderOptions } from './providers/twilio.js';
export { UnknownShopError, UnknownTriggerError, NotFoundError, ApiKeyNotFoundError, KeyRevealError } from './errors.js';
export { DEV_SENDER_NUMBER } from './context.js';
