import type { RapportConfig } from '@rapport/kit';
import { createLegacyAutomation, createShop, listMessages } from '@rapport/sms';
import { emit } from '../output.js';
import { clockFor, storageOf, withSms } from '../runtime.js';

// `rapport sms …`: the options arrive parsed and validated (program.ts); these only act and print.

export async function createShopCommand(config: RapportConfig, o: { name: string; label?: string; json?: boolean }): Promise<void> {
  const { clock } = clockFor(config);
  const r = await withSms(storageOf(config), (db) =>
    createShop(
      db,
      clock,
      { name: o.name, ...(o.label ? { label: o.label } : {}) },
      config.secretKey ? { secretKey: config.secretKey } : {},
    ),
  );
  emit(
    o.json === true,
    r,
    `Created shop ${r.shop_id} "${o.name}"\n  public key:  ${r.public_key}\n  private key: ${r.private_key}   (paste this into the reviews platform's Postscript integration)`,
  );
}

export async function createAutomationCommand(
  config: RapportConfig,
  o: { shop: string; trigger: string; message: string; delayMinutes?: number; name?: string; enable?: boolean; json?: boolean },
): Promise<void> {
  const { clock } = clockFor(config);
  const r = await withSms(storageOf(config), (db) =>
    createLegacyAutomation(db, clock, {
      shopId: o.shop,
      trigger: o.trigger,
      message: o.message,
      enabled: o.enable === true,
      ...(o.delayMinutes !== undefined ? { delayMinutes: o.delayMinutes } : {}),
      ...(o.name ? { name: o.name } : {}),
    }),
  );
  emit(o.json === true, r, `Created legacy automation ${r.automation_id} (${o.enable ? 'enabled' : 'disabled'})`);
}

export async function messagesCommand(config: RapportConfig, o: { shop: string; to?: string; json?: boolean }): Promise<void> {
  const messages = await withSms(storageOf(config), (db) => listMessages(db, { shopId: o.shop, ...(o.to ? { to: o.to } : {}) }));
  const human =
    messages.length === 0 ? 'No messages.' : messages.map((m) => `${m.created_at}  ${m.to}  [${m.status}]  ${m.body}`).join('\n');
  emit(o.json === true, { messages }, human);
}
