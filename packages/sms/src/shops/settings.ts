import { checkCurrency, checkTimeZone, Invalid, trimToNull } from '@rapport/kit';
import type { Kysely } from 'kysely';
import { quietHoursRules } from '../compliance/quiet-hours.js';
import { helpReply } from '../compliance/texts.js';
import type { SmsContext } from '../context.js';
import type { ShopsTable, SmsSchema } from '../db/schema.js';
import type { ShopSettingsView, UpdateShopSettingsBody } from '../schemas/shops.js';
import { dashboardShopView, requireShop } from './shops.js';

/** Settings as the dashboard shows them. The provider is the install's (env), never a secret. */
export function shopSettingsView(ctx: Pick<SmsContext, 'config' | 'senderNumber'>, shop: ShopsTable): ShopSettingsView {
  const twilio = ctx.config.smsProvider === 'twilio';
  return {
    shop: dashboardShopView(shop),
    sending: {
      provider: ctx.config.smsProvider,
      from_number: ctx.senderNumber,
      messaging_service: twilio ? (ctx.config.twilio.messagingServiceSid ?? null) : null,
      scope: 'install',
    },
    help_text: helpReply(shop.name),
    quiet_hours: {
      applies_to:
        'Marketing texts (automations), in the recipient’s local time — the zones of their number’s area code, all of them when it spans several, else the shop’s time zone. Held texts go out when the window opens, never dropped. Replies to a subscriber’s own text (confirmations, HELP, STOP) are not held.',
      rules: quietHoursRules(),
    },
  };
}

export async function updateShopSettings(
  db: Kysely<SmsSchema>,
  now: Date,
  shopId: string,
  body: UpdateShopSettingsBody,
): Promise<ShopsTable> {
  const set: Partial<ShopsTable> = {};
  if (body.name !== undefined) {
    const name = trimToNull(body.name);
    if (!name) throw new Invalid('shop name must not be empty', ['body', 'name']);
    set.name = name;
  }
  if (body.time_zone !== undefined) set.timezone = checkTimeZone(body.time_zone, ['body', 'time_zone']);
  if (body.currency !== undefined) set.currency = checkCurrency(body.currency, ['body', 'currency']);
  if (Object.keys(set).length > 0) {
    await db
      .updateTable('shops')
      .set({ ...set, updated_at: now.toISOString() })
      .where('id', '=', shopId)
      .execute();
  }
  return requireShop(db, shopId);
}
