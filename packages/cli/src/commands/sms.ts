import type { RapportConfig } from '@rapport/kit';
import { createLegacyAutomation, createShop, listMessages } from '@rapport/sms';
import { integer, parseFlags, required } from '../args.js';
import { emit, UsageError } from '../output.js';
import { clockFor, storageOf, withSms } from '../runtime.js';

export async function smsCommand(config: RapportConfig, [sub, ...argv]: string[]): Promise<void> {
  const storage = storageOf(config);
  const { clock } = clockFor(config);
  switch (sub) {
    case 'create-shop': {
      const f = parseFlags(argv, { name: { type: 'string' }, label: { type: 'string' } });
      const name = required(f.name, 'name');
      const r = await withSms(storage, (db) =>
        createShop(db, clock, { name, ...(f.label ? { label: f.label } : {}) }, config.secretKey ? { secretKey: config.secretKey } : {}),
      );
      return emit(
        f.json,
        r,
        `Created shop ${r.shop_id} "${name}"\n  public key:  ${r.public_key}\n  private key: ${r.private_key}   (paste this into the reviews platform's Postscript integration)`,
      );
    }
    case 'create-automation': {
      const f = parseFlags(argv, {
        shop: { type: 'string' },
        trigger: { type: 'string' },
        message: { type: 'string' },
        'delay-minutes': { type: 'string' },
        name: { type: 'string' },
        enable: { type: 'boolean', default: false },
      });
      const delayMinutes = integer(f['delay-minutes'], 'delay-minutes');
      const r = await withSms(storage, (db) =>
        createLegacyAutomation(db, clock, {
          shopId: required(f.shop, 'shop'),
          trigger: required(f.trigger, 'trigger'),
          message: required(f.message, 'message'),
          enabled: f.enable === true,
          ...(delayMinutes !== undefined ? { delayMinutes } : {}),
          ...(f.name ? { name: f.name } : {}),
        }),
      );
      return emit(f.json, r, `Created legacy automation ${r.automation_id} (${f.enable ? 'enabled' : 'disabled'})`);
    }
    case 'messages': {
      const f = parseFlags(argv, { shop: { type: 'string' }, to: { type: 'string' } });
      const messages = await withSms(storage, (db) =>
        listMessages(db, { shopId: required(f.shop, 'shop'), ...(f.to ? { to: f.to } : {}) }),
      );
      const human =
        messages.length === 0 ? 'No messages.' : messages.map((m) => `${m.created_at}  ${m.to}  [${m.status}]  ${m.body}`).join('\n');
      return emit(f.json, { messages }, human);
    }
    default:
      throw new UsageError(`unknown command "rapport sms ${sub ?? ''}" (create-shop, create-automation, messages)`);
  }
}
