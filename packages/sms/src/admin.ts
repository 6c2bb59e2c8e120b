import { accountsDb, compileCheck, createUser, Invalid, trimToNull, type Clock } from '@rapport/kit';
import { createAutomation } from './automations/legacy/store.js';
import type { SmsDatabase } from './db/schema.js';
import { FlowFileInvalidError, FlowProblemsError } from './errors.js';
import { nodeShapeProblems } from './flows/node-shape.js';
import { createFlow, exportFlow } from './flows/store.js';
import { FlowFile } from './schemas/flows.js';
import { apiKeyView, insertKeyPair, listKeyRows, openPrivateKey, requireKey, revokeKeyRow } from './keys/keys.js';
import { listOutbox } from './messages/list.js';
import type { ApiKeyView, NewKeyPair } from './schemas/keys.js';
import { insertShop, requireShop } from './shops/shops.js';

/**
 * Operator actions the CLI (and tests) run straight against the database, no HTTP and no worker: each
 * takes the database and the clock, opens what transaction it needs and calls the domain modules. Errors
 * are domain errors with a plain message (UnknownShopError, UnknownTriggerError, …). The reviews platform's
 * `admin.ts` has the same shape.
 */

/**
 * Creates a shop and its first security key pair. `options.secretKey` (RAPPORT_SECRET_KEY) seals the
 * revealable copy of the private key; without it the database's own generated key does.
 */
export async function createShop(
  database: SmsDatabase,
  clock: Clock,
  input: { name: string; label?: string; timezone?: string },
  options: { secretKey?: string } = {},
): Promise<{ shop_id: string; public_key: string; private_key: string; key_id: string }> {
  const name = trimToNull(input.name);
  if (!name) throw new Invalid('shop name must not be empty', ['name']);
  return database.db.transaction().execute(async (trx) => {
    const now = clock.now();
    const shop = await insertShop(trx, now, { name, ...(input.timezone ? { timezone: input.timezone } : {}) });
    const pair = await insertKeyPair(trx, now, { shopId: shop.id, label: input.label, secretKey: options.secretKey });
    return { shop_id: shop.id, public_key: pair.public_key, private_key: pair.private_key, key_id: pair.key_id };
  });
}

/** A one-message legacy automation on a registered trigger (by name), as the merchant builds it in the UI. */
export async function createLegacyAutomation(
  database: SmsDatabase,
  clock: Clock,
  input: { shopId: string; trigger: string; message: string; delayMinutes?: number; enabled: boolean; name?: string },
): Promise<{ automation_id: string }> {
  await requireShop(database.db, input.shopId);
  const automation = await createAutomation(
    database.db,
    clock.now(),
    input.shopId,
    {
      ...(input.name ? { name: input.name } : {}),
      trigger: input.trigger,
      messages: [{ body: input.message, delay_minutes: input.delayMinutes ?? 0 }],
      enabled: input.enabled,
    },
    { trigger: ['trigger'] },
  );
  return { automation_id: automation.id };
}

/** A shop's texts, oldest first, optionally to one recipient (any phone format). */
export async function listMessages(
  database: SmsDatabase,
  input: { shopId: string; to?: string },
): Promise<{ id: string; to: string; body: string; status: string; created_at: string }[]> {
  await requireShop(database.db, input.shopId);
  const rows = await listOutbox(database.db, input.shopId, input.to, 10_000);
  return rows.map((r) => ({ id: r.id, to: r.to, body: r.body, status: r.status, created_at: r.created_at }));
}

/** "Create Security Key Pair" for an existing shop. */
export async function createKeyPair(
  database: SmsDatabase,
  clock: Clock,
  input: { shopId: string; label?: string; secretKey?: string },
): Promise<NewKeyPair> {
  await requireShop(database.db, input.shopId);
  return database.db.transaction().execute((trx) => insertKeyPair(trx, clock.now(), input));
}

export async function listKeys(database: SmsDatabase, shopId: string): Promise<ApiKeyView[]> {
  return (await listKeyRows(database.db, shopId)).map(apiKeyView);
}

/** "Show": the private key of a pair, decrypted. */
export async function revealPrivateKey(database: SmsDatabase, clock: Clock, input: { keyId: string; secretKey?: string }): Promise<string> {
  const row = await requireKey(database.db, input.keyId);
  return openPrivateKey(database.db, clock.now(), row, input.secretKey);
}

export async function revokeKey(database: SmsDatabase, clock: Clock, input: { keyId: string }): Promise<void> {
  await revokeKeyRow(database.db, clock.now(), input.keyId);
}

/**
 * A dashboard user (`rapport sms create-user`). The install's first user owns every shop; a later one sees
 * the shop given with `shopId` (more come by invitation).
 */
export async function createUserAccount(
  database: SmsDatabase,
  clock: Clock,
  input: { email: string; password: string; shopId?: string | undefined },
): Promise<{ user_id: string }> {
  if (input.shopId) await requireShop(database.db, input.shopId);
  const user = await createUser(accountsDb(database.db), clock.now(), {
    email: input.email,
    password: input.password,
    tenantIds: input.shopId ? [input.shopId] : [],
    emailLoc: ['email'],
    passwordLoc: ['password'],
  });
  return { user_id: user.id };
}

const checkFlowFile = compileCheck(FlowFile, 'file');

/**
 * Flows as code: a file `{name, graph}` checked against the published schema and then against the shop's
 * catalog, each problem naming the field (`file.graph.nodes.3.body`); published at once unless `draft`.
 */
export async function importFlow(
  database: SmsDatabase,
  clock: Clock,
  input: { shopId: string; file: unknown; draft?: boolean },
): Promise<{ flow_id: string; name: string; status: string; version: number | null }> {
  await requireShop(database.db, input.shopId);
  const graph = typeof input.file === 'object' && input.file !== null ? (input.file as { graph?: unknown }).graph : undefined;
  const shapes = nodeShapeProblems(graph, ['file', 'graph']);
  if (shapes.length > 0) throw new FlowFileInvalidError(shapes);
  const checked = checkFlowFile(input.file);
  if (!checked.ok) throw new FlowFileInvalidError(checked.items);
  try {
    const flow = await createFlow(database.db, clock.now(), input.shopId, { ...checked.value, publish: input.draft !== true });
    return { flow_id: flow.id, name: flow.name, status: flow.status, version: flow.published_version };
  } catch (err) {
    if (err instanceof FlowProblemsError) throw new FlowFileInvalidError(err.items(['file', 'graph']));
    throw err;
  }
}

/** A flow as a file for `import-flow`: its name and its draft graph. */
export async function exportFlowFile(
  database: SmsDatabase,
  flowId: string,
): Promise<{ shop_id: string; name: string; graph: FlowFile['graph'] }> {
  return exportFlow(database.db, flowId);
}
