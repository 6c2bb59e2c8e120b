import { anyOf, fromJson, runRaw, type Dialect } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { EventsTable, FlowRunListenersTable, SmsSchema, SubscribersTable } from '../db/schema.js';
import { FlowBatch, hearEvent, listenersFor, startFlowRuns, type FlowCause } from '../flows/runs.js';
import type { TagValue } from '../messages/render.js';
import { startLegacyRuns } from './legacy/plan.js';

/**
 * The one entry point that starts automations — legacy automations and live flows alike — inside the
 * caller's transaction: a partner trigger fire
 * (POST /v1/triggers/{id}/subscribers/{id}) and a custom event of a known subscriber (in its ingest
 * transaction, events/ingest.ts) both come through here, so every kind of automation is started the same
 * way, once per cause: the runs' unique key (automation, cause) makes a replay start nothing, and a replayed
 * event (same external_id) is never stored twice, so it never gets here.
 */
export type AutomationCause =
  | { kind: 'trigger'; fire: { id: string; shopId: string; triggerId: string; tags: Record<string, TagValue> } }
  /** `triggerId`: the row standing for the event's type (migration 0010). */
  | { kind: 'event'; event: EventsTable; triggerId: string };

export interface Started {
  runs: number;
  /** A text of a started run is due now: wake the worker after the commit. */
  dueNow: boolean;
}

/**
 * `batch` gathers what the flows' runs write (the caller flushes it before committing, once for a whole
 * ingest batch); legacy runs write at once.
 */
export async function startAutomations(
  trx: Kysely<SmsSchema>,
  batch: FlowBatch,
  now: Date,
  cause: AutomationCause,
  subscriber: SubscribersTable,
): Promise<Started & { listeners: FlowRunListenersTable[] }> {
  const fire = causeOf(cause);
  const legacy = await startLegacyRuns(
    trx,
    now,
    { id: fire.id, shopId: fire.shopId, triggerId: fire.triggerId, tags: fire.props },
    subscriber,
  );
  const flows = await startFlowRuns(trx, batch, now, fire, subscriber);
  return { runs: legacy.runs + flows.runs, dueNow: legacy.dueNow || flows.dueNow, listeners: flows.listeners };
}

function causeOf(cause: AutomationCause): FlowCause {
  switch (cause.kind) {
    case 'trigger':
      return { id: cause.fire.id, shopId: cause.fire.shopId, triggerId: cause.fire.triggerId, props: cause.fire.tags };
    case 'event': {
      const { event } = cause;
      // An event's properties are its tags ({Product Name}); the event id is the cause of its runs.
      return {
        id: event.id,
        shopId: event.shop_id,
        triggerId: cause.triggerId,
        props: fromJson<Record<string, TagValue>>(event.properties, {}),
      };
    }
    default: {
      const never: never = cause;
      throw new Error(`unknown automation cause ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The events of one ingest batch: one statement per shop finds which of the batch's event types have an
 * enabled automation or a live flow (most have none: the bench's events, a shop's first weeks), and only
 * those events go on to `startAutomations`; one more finds the runs listening for these events (an exit
 * event, an awaited event). Both are fixed texts (`anyOf`), prepared once on PostgreSQL. Events are heard
 * and start runs in arrival order, so a run started by one event of the batch hears the later ones.
 */
export async function startEventAutomations(
  trx: Kysely<SmsSchema>,
  dialect: Dialect,
  now: Date,
  items: readonly { event: EventsTable; subscriber: SubscribersTable }[],
): Promise<Started> {
  const started: Started = { runs: 0, dueNow: false };
  const batch = new FlowBatch(dialect);
  const byShop = new Map<string, { event: EventsTable; subscriber: SubscribersTable }[]>();
  for (const item of items) {
    const list = byShop.get(item.event.shop_id);
    if (list) list.push(item);
    else byShop.set(item.event.shop_id, [item]);
  }
  for (const [shopId, list] of byShop) {
    const types = [...new Set(list.map((i) => i.event.type))];
    const any = anyOf(dialect, '"t"."event_type"', types);
    // One statement: the trigger rows of the batch's types that have an enabled automation or a live flow,
    // and a marker row when the shop has any flow whose runs may listen (live or paused) — without one, the
    // listener look-up is skipped, so a shop without flows pays for flows not at all.
    const { rows } = await runRaw<SmsSchema, { id: string; event_type: string | null }>(
      trx,
      dialect,
      `select '' as "id", null as "event_type" where exists (select 1 from "flows" "f" where "f"."shop_id" = ?` +
        ` and "f"."status" in ('live', 'paused') and "f"."deleted_at" is null)` +
        ` union all select "t"."id", "t"."event_type" from "triggers" "t" where "t"."shop_id" = ? and "t"."deleted_at" is null and ${any.sql}` +
        ` and (exists (select 1 from "automations" "a" where "a"."trigger_id" = "t"."id" and "a"."enabled" = 1 and "a"."deleted_at" is null)` +
        ` or exists (select 1 from "flows" "f" where "f"."trigger_id" = "t"."id" and "f"."status" = 'live' and "f"."deleted_at" is null))`,
      [shopId, shopId, ...any.params],
    );
    const hasFlows = rows.some((r) => r.id === '');
    const listeners = hasFlows
      ? await listenersFor(
          trx,
          dialect,
          shopId,
          list.map((i) => i.event),
        )
      : [];
    const triggerOf = new Map(rows.flatMap((r) => (r.event_type === null ? [] : [[r.event_type, r.id] as const])));
    if (triggerOf.size === 0 && listeners.length === 0) continue;
    for (const { event, subscriber } of list) {
      if (listeners.length > 0) await hearEvent(trx, batch, now, event, subscriber, listeners);
      const triggerId = triggerOf.get(event.type);
      if (!triggerId) continue;
      const s = await startAutomations(trx, batch, now, { kind: 'event', event, triggerId }, subscriber);
      started.runs += s.runs;
      started.dueNow ||= s.dueNow;
      listeners.push(...s.listeners);
    }
  }
  await batch.flush(trx, now);
  started.dueNow ||= batch.writer.dueNow;
  return started;
}
