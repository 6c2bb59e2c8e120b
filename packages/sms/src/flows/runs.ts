import { anyOf, fromJson, newId, runRaw, toJson, type Dialect } from '@rapport/kit';
import type { Kysely } from 'kysely';
import type { EventsTable, FlowRunListenersTable, FlowRunsTable, SmsSchema, SubscribersTable } from '../db/schema.js';
import { FLOW_MOVE } from '../jobs.js';
import type { TagValue } from '../messages/render.js';
import type { FlowGraph, WaitForEventNode } from '../schemas/flows.js';
import { compare, eventMatches, propertyValue, subscriberMatches } from './conditions.js';
import { indexGraph, move, type RunSubscriber } from './interpret.js';
import { MoveWriter } from './move-writer.js';
import { DEFAULT_SHOP_TIMEZONE } from '../shops/shops.js';

/**
 * Flow runs in the database: starting them (inside the cause's transaction, like a legacy automation's),
 * moving them (the same transaction applies every effect of one move and schedules the next), and hearing
 * the events they listen for. Every move bumps the run's `seq`, and the job that continues a waiting run
 * carries that seq: a job that runs twice, late, or after the run moved otherwise (its awaited event came,
 * an exit event ended it) does nothing. A send's outbox row is keyed (flow, run, node position), so even a
 * move repeated after a crash between commit and job completion queues no second text.
 *
 * What moves write is gathered in a `MoveWriter` and written with one statement per table: per job batch
 * when runs come due, per ingest batch when events start them (`FlowBatch`).
 */

const DAY = 86_400_000;

export interface FlowCause {
  /** The event id or trigger fire id: a run per (flow, cause). */
  id: string;
  shopId: string;
  triggerId: string;
  props: Record<string, TagValue>;
}

export interface FlowsStarted {
  runs: number;
  dueNow: boolean;
}

/** Published graphs never change, so each is parsed once per process (bounded: a long-lived worker sees many). */
const graphs = new Map<string, FlowGraph>();
export async function loadGraph(db: Kysely<SmsSchema>, flowId: string, version: number): Promise<FlowGraph> {
  const key = `${flowId}@${version}`;
  let graph = graphs.get(key);
  if (!graph) {
    const row = await db
      .selectFrom('flow_versions')
      .select('graph')
      .where('flow_id', '=', flowId)
      .where('version', '=', version)
      .executeTakeFirstOrThrow();
    graph = JSON.parse(row.graph) as FlowGraph;
    if (graphs.size >= 1_000) graphs.clear();
    graphs.set(key, graph);
  }
  return graph;
}

const runSubscriber = (s: SubscribersTable): RunSubscriber => ({
  first_name: s.first_name,
  last_name: s.last_name,
  email: s.email,
  phone_number: s.phone_number,
  tags: fromJson<string[]>(s.tags, []),
  properties: fromJson<Record<string, unknown>>(s.properties, {}),
  time_zones: fromJson<string[]>(s.time_zones, []),
});

async function shopTimeZone(db: Kysely<SmsSchema>, shopId: string): Promise<string> {
  const row = await db.selectFrom('shops').select('timezone').where('id', '=', shopId).executeTakeFirst();
  return row?.timezone ?? DEFAULT_SHOP_TIMEZONE;
}

/**
 * What the runs started and moved by one transaction share: the writer, and what was already read (a
 * trigger's live flows, a shop's zone), so a batch of events reads each once.
 */
export class FlowBatch {
  readonly writer = new MoveWriter();
  readonly #flows = new Map<string, { id: string; published_version: number | null }[]>();
  readonly #zones = new Map<string, string>();
  constructor(readonly dialect: Dialect) {}

  async liveFlows(trx: Kysely<SmsSchema>, triggerId: string) {
    let flows = this.#flows.get(triggerId);
    if (!flows) {
      flows = await trx
        .selectFrom('flows')
        .select(['id', 'published_version'])
        .where('trigger_id', '=', triggerId)
        .where('status', '=', 'live')
        .where('deleted_at', 'is', null)
        .orderBy('created_at')
        .execute();
      this.#flows.set(triggerId, flows);
    }
    return flows;
  }

  async zone(trx: Kysely<SmsSchema>, shopId: string): Promise<string> {
    let zone = this.#zones.get(shopId);
    if (zone === undefined) this.#zones.set(shopId, (zone = await shopTimeZone(trx, shopId)));
    return zone;
  }

  /** Writes what the moves so far decided (before anything reads runs again, and before the commit). */
  async flush(trx: Kysely<SmsSchema>, now: Date): Promise<void> {
    if (!this.writer.empty) await this.writer.flush(trx, this.dialect, now);
  }
}

/** Whether the flow's re-entry rule lets this subscriber in again. */
async function mayEnter(trx: Kysely<SmsSchema>, now: Date, flowId: string, graph: FlowGraph, subscriberId: string): Promise<boolean> {
  const rule = graph.reentry;
  if (rule.mode === 'every_time') return true;
  let q = trx.selectFrom('flow_runs').select('id').where('flow_id', '=', flowId).where('subscriber_id', '=', subscriberId);
  if (rule.mode === 'once_per_days') q = q.where('created_at', '>', new Date(now.getTime() - rule.days * DAY).toISOString());
  return (await q.limit(1).executeTakeFirst()) === undefined;
}

/**
 * Starts every live flow on the cause's trigger for this subscriber whose trigger filters, subscriber
 * filters and re-entry rule let them in, and runs each as far as it goes now (an immediate text is queued
 * in this very transaction). Returns the listeners the new runs registered, so later events of the same
 * ingest batch hear them.
 */
export async function startFlowRuns(
  trx: Kysely<SmsSchema>,
  batch: FlowBatch,
  now: Date,
  cause: FlowCause,
  subscriber: SubscribersTable,
): Promise<FlowsStarted & { listeners: FlowRunListenersTable[] }> {
  const flows = await batch.liveFlows(trx, cause.triggerId);
  const started = { runs: 0, dueNow: false, listeners: [] as FlowRunListenersTable[] };
  if (flows.length === 0) return started;
  const who = runSubscriber(subscriber);
  for (const flow of flows) {
    if (flow.published_version === null) continue;
    const graph = await loadGraph(trx, flow.id, flow.published_version);
    if (graph.trigger.kind === 'event' && !eventMatches(graph.trigger.filters, cause.props, now)) continue;
    if (!subscriberMatches(graph.subscriber_filters, who, now)) continue;
    if (!(await mayEnter(trx, now, flow.id, graph, subscriber.id))) continue;
    const at = now.toISOString();
    const run: FlowRunsTable = {
      id: newId('frun'),
      shop_id: cause.shopId,
      flow_id: flow.id,
      version: flow.published_version,
      subscriber_id: subscriber.id,
      cause_id: cause.id,
      trigger_props: toJson(cause.props),
      status: 'active',
      node_id: graph.start,
      seq: 0,
      next_at: null,
      end_reason: null,
      created_at: at,
      updated_at: at,
      ended_at: null,
    };
    const inserted = await trx
      .insertInto('flow_runs')
      .values(run)
      .onConflict((oc) => oc.columns(['flow_id', 'cause_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) continue;
    started.runs++;
    const exits: FlowRunListenersTable[] = (graph.exit_events ?? []).map((e) => ({
      run_id: run.id,
      shop_id: run.shop_id,
      subscriber_id: run.subscriber_id,
      event_type: e.event_type,
      purpose: 'exit',
      match_property: e.match_property ?? null,
      match_value: e.match_property ? toJson(propertyValue(cause.props, e.match_property) ?? null) : null,
      node_id: null,
    }));
    if (exits.length > 0) await trx.insertInto('flow_run_listeners').values(exits).execute();
    started.listeners.push(...exits);
    const moved = moveRun(batch, now, run, graph, 'enter', who, await batch.zone(trx, cause.shopId));
    started.listeners.push(...moved);
  }
  started.dueNow = batch.writer.dueNow;
  return started;
}

/** Runs the interpreter for one run from its node; the batch's writer writes what it decided. */
function moveRun(
  batch: FlowBatch,
  now: Date,
  run: FlowRunsTable,
  graph: FlowGraph,
  arrival: 'enter' | 'timer' | 'event',
  subscriber: RunSubscriber,
  zone: string,
): FlowRunListenersTable[] {
  const m = move({
    graph,
    runId: run.id,
    nodeId: run.node_id,
    arrival,
    triggerProps: fromJson<Record<string, TagValue>>(run.trigger_props, {}),
    subscriber,
    shopTimeZone: zone,
    now,
  });
  return batch.writer.add(now, run, m, subscriber);
}

/** Ends a run where it is (an exit event, a deleted flow), with a step row saying why. */
async function endRun(trx: Kysely<SmsSchema>, now: Date, run: FlowRunsTable, reason: string, outcome: string): Promise<void> {
  const at = now.toISOString();
  const seq = run.seq + 1;
  await trx
    .insertInto('flow_run_steps')
    .values({ run_id: run.id, seq, flow_id: run.flow_id, node_id: run.node_id, kind: 'exited', outcome, at })
    .execute();
  await trx
    .updateTable('flow_runs')
    .set({ status: 'exited', seq, next_at: null, end_reason: reason, updated_at: at, ended_at: at })
    .where('id', '=', run.id)
    .execute();
  await trx.deleteFrom('flow_run_listeners').where('run_id', '=', run.id).execute();
}

type FlowState = { status: string; deleted: boolean };
async function flowStates(trx: Kysely<SmsSchema>, ids: readonly string[]): Promise<Map<string, FlowState>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom('flows')
    .select(['id', 'status', 'deleted_at'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, { status: r.status, deleted: r.deleted_at !== null }]));
}

/**
 * The `sms.flow.move` job, for every claimed job at once in one transaction: a waiting run whose delay or
 * wait ran out moves on (`timer`); a run left `active` (its flow was paused, then resumed) enters its node.
 * A run of a paused flow stays where it is (resuming re-schedules it); a deleted flow's run ends.
 */
export async function runFlowMoves(
  db: Kysely<SmsSchema>,
  dialect: Dialect,
  now: Date,
  items: readonly { runId: string; seq: number }[],
): Promise<{ dueNow: boolean }> {
  return db.transaction().execute(async (trx) => {
    const batch = new FlowBatch(dialect);
    const runs = await trx
      .selectFrom('flow_runs')
      .selectAll()
      .where(
        'id',
        'in',
        items.map((i) => i.runId),
      )
      .execute();
    const byId = new Map(runs.map((r) => [r.id, r]));
    const due = items.flatMap((i) => {
      const run = byId.get(i.runId);
      return run && run.seq === i.seq && (run.status === 'waiting' || run.status === 'active') ? [run] : [];
    });
    if (due.length === 0) return { dueNow: false };
    const flows = await flowStates(trx, [...new Set(due.map((r) => r.flow_id))]);
    const subscribers = new Map(
      (
        await trx
          .selectFrom('subscribers')
          .selectAll()
          .where('id', 'in', [...new Set(due.map((r) => r.subscriber_id))])
          .execute()
      ).map((s) => [s.id, s]),
    );
    for (const run of due) {
      const flow = flows.get(run.flow_id);
      if (!flow || flow.deleted) {
        await endRun(trx, now, run, 'flow_deleted', 'the flow was deleted');
        continue;
      }
      if (flow.status !== 'live') continue;
      const subscriber = subscribers.get(run.subscriber_id);
      if (!subscriber) continue;
      const graph = await loadGraph(trx, run.flow_id, run.version);
      moveRun(
        batch,
        now,
        run,
        graph,
        run.status === 'waiting' ? 'timer' : 'enter',
        runSubscriber(subscriber),
        await batch.zone(trx, run.shop_id),
      );
    }
    await batch.flush(trx, now);
    return { dueNow: batch.writer.dueNow };
  });
}

/** Whether an event is the one a listener waits for: its type, the matched property's value, a wait's filters. */
function hears(
  listener: FlowRunListenersTable,
  event: EventsTable,
  props: Record<string, unknown>,
  graph: FlowGraph | undefined,
  now: Date,
): boolean {
  if (listener.event_type !== event.type || listener.subscriber_id !== event.subscriber_id) return false;
  if (listener.match_property !== null) {
    const expected = fromJson<unknown>(listener.match_value ?? 'null', null);
    if (expected === null || !compare(propertyValue(props, listener.match_property), '=', expected, now)) return false;
  }
  if (listener.purpose === 'wait' && graph && listener.node_id) {
    const node = indexGraph(graph).byId.get(listener.node_id)?.node as WaitForEventNode | undefined;
    if (node && !eventMatches(node.filters, props, now)) return false;
  }
  return true;
}

/**
 * The runs listening for this shop's events of a batch (one statement per shop and batch: the lookup
 * index is (shop, subscriber, event type)), so each event can be heard in arrival order.
 */
export async function listenersFor(
  trx: Kysely<SmsSchema>,
  dialect: Dialect,
  shopId: string,
  events: readonly EventsTable[],
): Promise<FlowRunListenersTable[]> {
  const subscribers = [...new Set(events.map((e) => e.subscriber_id as string))];
  const types = [...new Set(events.map((e) => e.type))];
  const subs = anyOf(dialect, '"subscriber_id"', subscribers);
  const ofType = anyOf(dialect, '"event_type"', types);
  const { rows } = await runRaw<SmsSchema, FlowRunListenersTable>(
    trx,
    dialect,
    'select "run_id", "shop_id", "subscriber_id", "event_type", "purpose", "match_property", "match_value", "node_id"' +
      ` from "flow_run_listeners" where "shop_id" = ? and ${subs.sql} and ${ofType.sql}`,
    [shopId, ...subs.params, ...ofType.params],
  );
  return rows;
}

/**
 * One event reaching the runs that listen for it: an exit event ends its run wherever it is; an awaited
 * event moves a waiting run down its "happened" branch at once (a paused flow's run is only marked: it
 * goes on when the flow is resumed). Returns whether a text became due.
 */
export async function hearEvent(
  trx: Kysely<SmsSchema>,
  batch: FlowBatch,
  now: Date,
  event: EventsTable,
  subscriber: SubscribersTable,
  listeners: FlowRunListenersTable[],
): Promise<void> {
  const props = fromJson<Record<string, unknown>>(event.properties, {});
  const candidates = listeners.filter((l) => l.event_type === event.type && l.subscriber_id === event.subscriber_id);
  if (candidates.length === 0) return;
  // Runs an earlier event of this batch moved must be read as they now are.
  await batch.flush(trx, now);
  const runIds = [...new Set(candidates.map((l) => l.run_id))];
  const runs = await trx.selectFrom('flow_runs').selectAll().where('id', 'in', runIds).execute();
  const flows = await flowStates(trx, [...new Set(runs.map((r) => r.flow_id))]);
  for (const run of runs) {
    if (run.status !== 'waiting' && run.status !== 'active') continue;
    // The event that started a run is not one it hears.
    if (run.cause_id === event.id) continue;
    const graph = await loadGraph(trx, run.flow_id, run.version);
    const mine = candidates.filter((l) => l.run_id === run.id && hears(l, event, props, graph, now));
    const exit = mine.find((l) => l.purpose === 'exit');
    if (exit) {
      await endRun(trx, now, run, `exit_event:${event.type}`, `exit event ${event.type}`);
      removeListeners(listeners, run.id);
      continue;
    }
    const wait = mine.find((l) => l.purpose === 'wait' && l.node_id === run.node_id && run.status === 'waiting');
    if (!wait) continue;
    const flow = flows.get(run.flow_id);
    if (flow?.status !== 'live' || flow.deleted) {
      await markHappened(trx, now, run, graph);
      removeListeners(listeners, run.id, 'wait');
      continue;
    }
    removeListeners(listeners, run.id, 'wait');
    listeners.push(...moveRun(batch, now, run, graph, 'event', runSubscriber(subscriber), await batch.zone(trx, run.shop_id)));
  }
}

function removeListeners(listeners: FlowRunListenersTable[], runId: string, purpose?: 'wait'): void {
  for (let i = listeners.length - 1; i >= 0; i--) {
    const l = listeners[i] as FlowRunListenersTable;
    if (l.run_id === runId && (purpose === undefined || l.purpose === purpose)) listeners.splice(i, 1);
  }
}

/** A paused flow's waiting run heard its event: it stands at the "happened" branch, entered when resumed. */
async function markHappened(trx: Kysely<SmsSchema>, now: Date, run: FlowRunsTable, graph: FlowGraph): Promise<void> {
  const node = indexGraph(graph).byId.get(run.node_id)?.node as WaitForEventNode | undefined;
  if (!node || node.type !== 'wait_for_event') return;
  const at = now.toISOString();
  const seq = run.seq + 1;
  await trx
    .insertInto('flow_run_steps')
    .values({ run_id: run.id, seq, flow_id: run.flow_id, node_id: run.node_id, kind: 'moved', outcome: 'happened', at })
    .execute();
  await trx.deleteFrom('flow_run_listeners').where('run_id', '=', run.id).where('purpose', '=', 'wait').execute();
  if (node.happened === null) {
    await trx
      .updateTable('flow_runs')
      .set({ status: 'completed', seq, next_at: null, end_reason: 'completed', updated_at: at, ended_at: at })
      .where('id', '=', run.id)
      .execute();
    await trx.deleteFrom('flow_run_listeners').where('run_id', '=', run.id).execute();
    return;
  }
  await trx
    .updateTable('flow_runs')
    .set({ status: 'active', node_id: node.happened, seq, next_at: at, updated_at: at })
    .where('id', '=', run.id)
    .execute();
}

/**
 * Resuming a paused flow: every run it holds that has not ended is scheduled again (a new seq, so a job
 * left from before the pause is void), due when it would have been, or now if that has passed.
 */
export async function rescheduleRuns(trx: Kysely<SmsSchema>, now: Date, flowId: string): Promise<number> {
  const runs = await trx
    .selectFrom('flow_runs')
    .select(['id', 'seq', 'next_at'])
    .where('flow_id', '=', flowId)
    .where('status', 'in', ['waiting', 'active'])
    .execute();
  for (const run of runs) {
    const seq = run.seq + 1;
    await trx.updateTable('flow_runs').set({ seq, updated_at: now.toISOString() }).where('id', '=', run.id).execute();
    const at = run.next_at && Date.parse(run.next_at) > now.getTime() ? new Date(run.next_at) : now;
    await FLOW_MOVE.enqueue(trx, now, { runId: run.id, seq }, { runAt: at, dedupeKey: `flow:${run.id}:${seq}` });
  }
  return runs.length;
}
