import { tagKey } from '@rapport/contract';
import { Invalid, fromBool, fromJson, newId, toBool, toJson } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { AutomationsTable, LegacyMessageStep, SmsSchema, TriggersTable } from '../../db/schema.js';
import { NotFoundError, UnknownTriggerError } from '../../errors.js';
import { SUBSCRIBER_FIELDS, templateTags } from '../../messages/template.js';
import { countSmsParts } from '../../messages/sms-parts.js';
import { findTriggerByName } from '../../triggers/store.js';
import { automationTriggerOptions, currentEventTrigger, resolveAutomationTrigger } from '../trigger-options.js';
import {
  MAX_BODY,
  MAX_DELAY_MINUTES,
  MAX_STEPS,
  type AutomationView,
  type CreateAutomationBody,
  type MessagePreview,
} from '../../schemas/automations.js';
import { previewMessage } from './preview.js';

/**
 * Legacy automations: one trigger → message steps with optional delays, `{tag}` placeholders, an Enabled
 * toggle. The trigger is named (as the merchant picks it from a list) and must be registered for the shop.
 */

const SUBSCRIBER_TAGS = new Set<string>(SUBSCRIBER_FIELDS);

export type AutomationInput = CreateAutomationBody;

export function automationView(
  row: AutomationsTable,
  trigger: Pick<TriggersTable, 'id' | 'name' | 'tags' | 'event_type'>,
  textsSent = 0,
): AutomationView {
  // A tag may be spelled as declared ({Product Name}) or by its key ({product_name}).
  const declared = new Set(fromJson<string[]>(trigger.tags, []).flatMap((t) => [t, tagKey(t)]));
  return {
    id: row.id,
    kind: 'legacy',
    name: row.name,
    trigger: { id: trigger.id, name: trigger.name, kind: trigger.event_type === null ? 'partner' : 'event' },
    messages: fromJson<LegacyMessageStep[]>(row.messages, []).map((m) => {
      const { parts: segments, encoding } = countSmsParts(m.body);
      const undeclared = templateTags(m.body).filter((t) => !declared.has(t) && !declared.has(tagKey(t)) && !SUBSCRIBER_TAGS.has(t));
      return {
        body: m.body,
        delay_minutes: m.delay_minutes,
        segments,
        encoding,
        warnings: undeclared.map((t) => `{${t}} is not a tag of "${trigger.name}"; it renders from a subscriber property or empty`),
      };
    }),
    enabled: toBool(row.enabled),
    texts_sent: textsSent,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function validateSteps(steps: AutomationInput['messages']): LegacyMessageStep[] {
  if (steps.length < 1 || steps.length > MAX_STEPS) throw new Invalid(`messages must hold 1–${MAX_STEPS} steps`, ['body', 'messages']);
  return steps.map(({ body, delay_minutes = 0 }, i) => {
    const s = { body, delay_minutes };
    if (s.body.trim() === '' || s.body.length > MAX_BODY)
      throw new Invalid(`body must be 1–${MAX_BODY} characters`, ['body', 'messages', i, 'body']);
    if (!Number.isInteger(s.delay_minutes) || s.delay_minutes < 0 || s.delay_minutes > MAX_DELAY_MINUTES) {
      throw new Invalid(`delay_minutes must be an integer from 0 to ${MAX_DELAY_MINUTES}`, ['body', 'messages', i, 'delay_minutes']);
    }
    return { body: s.body, delay_minutes: s.delay_minutes };
  });
}

/**
 * What the editor refuses, the API refuses too, when an automation's messages are saved: a brace that
 * never closes or never opened, an empty `{}`, and a tag that is none of the trigger's tags (a partner's
 * merge tags, an event type's properties), a subscriber field or an Okendo profile property — `{frist_name}`
 * would otherwise go out empty to every subscriber. A 400 naming the message and the tag.
 */
function refuseUnknownTags(steps: readonly LegacyMessageStep[], trigger: Pick<TriggersTable, 'name' | 'tags'>): void {
  const tags = { name: trigger.name, tags: fromJson<string[]>(trigger.tags, []) };
  steps.forEach((step, i) => {
    const [problem] = previewMessage(step.body, tags).errors;
    if (problem) throw new Invalid(problem.msg, ['body', 'messages', i, 'body'], problem.tag === null ? 'template_syntax' : 'unknown_tag');
  });
}

/** A trigger's name and tags for the preview, without creating an event type's row. */
async function triggerTags(db: Kysely<SmsSchema>, shopId: string, name: string, loc: (string | number)[]) {
  const partner = await findTriggerByName(db, shopId, name);
  if (partner) return { name: partner.name, tags: fromJson<string[]>(partner.tags, []) };
  const option = (await automationTriggerOptions(db, shopId)).find((o) => o.kind === 'event' && o.name === name.trim());
  if (!option) throw new UnknownTriggerError(name, shopId, loc);
  return { name: option.name, tags: option.tags };
}

export async function createAutomation(
  db: Kysely<SmsSchema>,
  now: Date,
  shopId: string,
  input: AutomationInput,
  loc: { trigger: (string | number)[] } = { trigger: ['body', 'trigger'] },
): Promise<AutomationView> {
  const steps = validateSteps(input.messages);
  return db.transaction().execute(async (trx) => {
    const trigger = await resolveAutomationTrigger(trx, now, shopId, input.trigger, loc.trigger);
    refuseUnknownTags(steps, trigger);
    const at = now.toISOString();
    const row: AutomationsTable = {
      id: newId('auto'),
      shop_id: shopId,
      kind: 'legacy',
      name: input.name?.trim() || trigger.name,
      trigger_id: trigger.id,
      messages: toJson(steps),
      enabled: fromBool(input.enabled),
      deleted_at: null,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('automations').values(row).execute();
    return automationView(row, trigger);
  });
}

async function requireAutomation(db: Kysely<SmsSchema>, shopId: string, id: string): Promise<AutomationsTable> {
  const row = await db
    .selectFrom('automations')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('automation', id, ['path', 'id']);
  return row;
}

/** Texts each automation has handed to the carrier (the list's "texts sent"); the (automation, fire, step) index serves it. */
async function textsSentBy(db: Kysely<SmsSchema>, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('outbox_messages')
    .select(['automation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('automation_id', 'in', ids)
    .where('status', '=', 'sent')
    .groupBy('automation_id')
    .execute();
  return new Map(rows.map((r) => [r.automation_id as string, Number(r.n)]));
}

async function triggerOf(db: Kysely<SmsSchema>, row: AutomationsTable): Promise<TriggersTable> {
  return db.selectFrom('triggers').selectAll().where('id', '=', row.trigger_id).executeTakeFirstOrThrow();
}

export async function requireAutomationView(db: Kysely<SmsSchema>, shopId: string, id: string): Promise<AutomationView> {
  const row = await requireAutomation(db, shopId, id);
  return automationView(row, await triggerOf(db, row), (await textsSentBy(db, [row.id])).get(row.id));
}

export async function listAutomations(db: Kysely<SmsSchema>, shopId: string): Promise<AutomationView[]> {
  const rows = await db
    .selectFrom('automations')
    .innerJoin('triggers', 'triggers.id', 'automations.trigger_id')
    .selectAll('automations')
    .select(['triggers.name as trigger_name', 'triggers.tags as trigger_tags', 'triggers.event_type as trigger_event_type'])
    .where('automations.shop_id', '=', shopId)
    .where('automations.deleted_at', 'is', null)
    .orderBy('automations.created_at')
    .orderBy('automations.id')
    .execute();
  const sent = await textsSentBy(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    automationView(r, { id: r.trigger_id, name: r.trigger_name, tags: r.trigger_tags, event_type: r.trigger_event_type }, sent.get(r.id)),
  );
}

export async function updateAutomation(
  db: Kysely<SmsSchema>,
  now: Date,
  shopId: string,
  id: string,
  patch: Partial<AutomationInput>,
): Promise<AutomationView> {
  return db.transaction().execute(async (trx) => {
    const row = await requireAutomation(trx, shopId, id);
    const trigger =
      patch.trigger !== undefined
        ? await resolveAutomationTrigger(trx, now, shopId, patch.trigger, ['body', 'trigger'])
        : await currentEventTrigger(trx, now, await triggerOf(trx, row));
    if (patch.name !== undefined && patch.name.trim() === '') throw new Invalid('name must not be empty', ['body', 'name']);
    const steps = patch.messages !== undefined ? validateSteps(patch.messages) : undefined;
    // New messages, or the old ones under a new trigger, must use tags the trigger supplies; a PATCH that
    // only renames or toggles leaves an older automation's messages as they were (their warnings say why).
    if (steps || patch.trigger !== undefined) refuseUnknownTags(steps ?? fromJson<LegacyMessageStep[]>(row.messages, []), trigger);
    const next: AutomationsTable = {
      ...row,
      name: patch.name?.trim() ?? row.name,
      trigger_id: trigger.id,
      messages: steps ? toJson(steps) : row.messages,
      enabled: patch.enabled !== undefined ? fromBool(patch.enabled) : row.enabled,
      updated_at: now.toISOString(),
    };
    await trx
      .updateTable('automations')
      .set({ name: next.name, trigger_id: next.trigger_id, messages: next.messages, enabled: next.enabled, updated_at: next.updated_at })
      .where('id', '=', id)
      .execute();
    if (row.enabled === 1 && next.enabled === 0) await suppressQueued(trx, now, id, 'automation_disabled');
    return automationView(next, trigger, (await textsSentBy(trx, [id])).get(id));
  });
}

/**
 * Deleting keeps the row (its outbox history points at it) but it never runs again: like disabling, it
 * suppresses the texts its runs still have queued (a later step of a run, one held by quiet hours), with the
 * reason, in the same transaction — a text the worker has already claimed (`dispatching`) still goes.
 */
export async function deleteAutomation(db: Kysely<SmsSchema>, now: Date, shopId: string, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await requireAutomation(trx, shopId, id);
    await trx
      .updateTable('automations')
      .set({ deleted_at: now.toISOString(), enabled: 0, updated_at: now.toISOString() })
      .where('id', '=', id)
      .execute();
    await suppressQueued(trx, now, id, 'automation_deleted');
  });
}

async function suppressQueued(trx: Kysely<SmsSchema>, now: Date, automationId: string, reason: string): Promise<void> {
  await trx
    .updateTable('outbox_messages')
    .set({ status: 'suppressed', status_reason: reason, updated_at: now.toISOString() })
    .where('automation_id', '=', automationId)
    .where('status', '=', 'queued')
    .execute();
}

/** The editor's live preview of one message on a trigger of the shop (preview.ts); an unknown trigger is a 422. */
export async function previewAutomationMessage(
  db: Kysely<SmsSchema>,
  shopId: string,
  input: { trigger: string; body: string },
): Promise<MessagePreview> {
  return previewMessage(input.body, await triggerTags(db, shopId, input.trigger, ['body', 'trigger']));
}
