import type { RapportConfig } from '@rapport/kit';
import { readFile } from 'node:fs/promises';
import { createLegacyAutomation, createShop, exportFlowFile, importFlow, listMessages } from '@rapport/sms';
import { UsageError } from '../output.js';
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

export async function exportFlowCommand(config: RapportConfig, o: { flow: string; json?: boolean }): Promise<void> {
  const file = await withSms(storageOf(config), (db) => exportFlowFile(db, o.flow));
  // The file itself either way: `export-flow --flow F > flow.json` is what `import-flow --file` reads.
  emit(true, { name: file.name, graph: file.graph }, '');
}

export async function importFlowCommand(
  config: RapportConfig,
  o: { shop: string; file: string; draft?: boolean; json?: boolean },
): Promise<void> {
  let file: unknown;
  try {
    file = JSON.parse(await readFile(o.file, 'utf8'));
  } catch (err) {
    throw new UsageError(`--file ${o.file}: ${err instanceof SyntaxError ? `not JSON (${err.message})` : (err as Error).message}`);
  }
  const { clock } = clockFor(config);
  const r = await withSms(storageOf(config), (db) => importFlow(db, clock, { shopId: o.shop, file, draft: o.draft === true }));
  emit(o.json === true, r, `Imported flow ${r.flow_id} "${r.name}" (${r.status === 'live' ? `live, version ${r.version}` : 'draft'})`);
}
