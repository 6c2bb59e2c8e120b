import { newId, toJson, Unprocessable } from '@rapport/kit';
import type { Kysely } from 'kysely';
import { resolveEventTypeTrigger } from '../automations/trigger-options.js';
import type { FlowRunsTable, FlowsTable, SmsSchema } from '../db/schema.js';
import { FlowProblemsError, NotFoundError, UnknownTriggerError } from '../errors.js';
import type { CreateFlowBody, FlowGraph, FlowRunView, FlowSummary, FlowView, NodeCounts, UpdateFlowBody } from '../schemas/flows.js';
import { findTriggerByName } from '../triggers/store.js';
import { flowCatalog } from './catalog.js';
import { loadGraph, rescheduleRuns } from './runs.js';
import { validateFlowGraph } from './validate-graph.js';

/**
 * Flows as the merchant edits them: a draft graph saved as often as they like (its shape checked by the
 * schema, its problems listed but not refused), and publishing — which refuses a draft with problems,
 * naming every one, and otherwise freezes it as the next version. New runs start on the latest version;
 * runs in flight finish on theirs. Pausing stops runs before their next step; resuming reschedules them.
 */

const triggerLabel = (graph: FlowGraph): string => (graph.trigger.kind === 'event' ? graph.trigger.event_type : graph.trigger.trigger);

async function requireFlow(db: Kysely<SmsSchema>, shopId: string, id: string): Promise<FlowsTable> {
  const row = await db
    .selectFrom('flows')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('flow', id, ['path', 'id']);
  return row;
}

async function textsSent(db: Kysely<SmsSchema>, flowIds: readonly string[]): Promise<Map<string, number>> {
  if (flowIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('outbox_messages')
    .select(['automation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('automation_id', 'in', [...flowIds])
    .where('status', '=', 'sent')
    .groupBy('automation_id')
    .execute();
  return new Map(rows.map((r) => [r.automation_id as string, Number(r.n)]));
}

/** Per-node counts from the runs' steps and where runs are now (every version, by node id). */
async function nodeCounts(db: Kysely<SmsSchema>, flowId: string): Promise<Record<string, NodeCounts>> {
  const counts: Record<string, NodeCounts> = {};
  const of = (node: string) => (counts[node] ??= { entered: 0, waiting: 0, moved_on: 0, exited: 0, clicks: 0 });
  const steps = await db
    .selectFrom('flow_run_steps')
    .select(['node_id', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('flow_id', '=', flowId)
    .groupBy(['node_id', 'kind'])
    .execute();
  for (const s of steps) {
    if (s.kind === 'exited') of(s.node_id).exited += Number(s.n);
    else of(s.node_id).moved_on += Number(s.n);
  }
  const at = await db
    .selectFrom('flow_runs')
    .select(['node_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('flow_id', '=', flowId)
    .where('status', 'in', ['waiting', 'active'])
    .groupBy('node_id')
    .execute();
  for (const a of at) of(a.node_id).waiting += Number(a.n);
  for (const c of Object.values(counts)) c.entered = c.moved_on + c.exited + c.waiting;
  // A text's step is its node's position in the version its run started on.
  const clicks = await db
    .selectFrom('short_links as l')
    .innerJoin('outbox_messages as o', 'o.id', 'l.outbox_id')
    .innerJoin('flow_runs as r', 'r.id', 'o.run_id')
    .select(['o.step', 'r.version', (eb) => eb.fn.sum<number>('l.clicks').as('n')])
    .where('o.automation_id', '=', flowId)
    .groupBy(['o.step', 'r.version'])
    .execute();
  for (const c of clicks) {
    if (c.step === null || Number(c.n) === 0) continue;
    const node = (await loadGraph(db, flowId, c.version)).nodes[c.step];
    if (node) of(node.id).clicks += Number(c.n);
  }
  return counts;
}

async function flowView(db: Kysely<SmsSchema>, row: FlowsTable): Promise<FlowView> {
  const graph = JSON.parse(row.draft) as FlowGraph;
  const versions = await db
    .selectFrom('flow_versions')
    .select(['version', 'published_at', 'graph'])
    .where('flow_id', '=', row.id)
    .orderBy('version')
    .execute();
  const runsByVersion = new Map(
    (
      await db
        .selectFrom('flow_runs')
        .select(['version', (eb) => eb.fn.countAll<number>().as('n')])
        .where('flow_id', '=', row.id)
        .groupBy('version')
        .execute()
    ).map((r) => [r.version, Number(r.n)]),
  );
  const byStatus = new Map(
    (
      await db
        .selectFrom('flow_runs')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('flow_id', '=', row.id)
        .groupBy('status')
        .execute()
    ).map((r) => [r.status, Number(r.n)]),
  );
  const latest = versions.at(-1);
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    graph,
    problems: validateFlowGraph(graph, await flowCatalog(db, row.shop_id)),
    published_version: row.published_version,
    unpublished_changes: latest === undefined || latest.graph !== row.draft,
    versions: versions.map((v) => ({ version: v.version, published_at: v.published_at, runs: runsByVersion.get(v.version) ?? 0 })),
    counts: await nodeCounts(db, row.id),
    runs: {
      in_progress: (byStatus.get('waiting') ?? 0) + (byStatus.get('active') ?? 0),
      completed: byStatus.get('completed') ?? 0,
      exited: byStatus.get('exited') ?? 0,
    },
    texts_sent: (await textsSent(db, [row.id])).get(row.id) ?? 0,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

export async function requireFlowView(db: Kysely<SmsSchema>, shopId: string, id: string): Promise<FlowView> {
  return flowView(db, await requireFlow(db, shopId, id));
}

export async function listFlows(db: Kysely<SmsSchema>, shopId: string): Promise<FlowSummary[]> {
  const rows = await db
    .selectFrom('flows')
    .selectAll()
    .where('shop_id', '=', shopId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const ids = rows.map((r) => r.id);
  const sent = await textsSent(db, ids);
  const inProgress = new Map(
    ids.length === 0
      ? []
      : (
          await db
            .selectFrom('flow_runs')
            .select(['flow_id', (eb) => eb.fn.countAll<number>().as('n')])
            .where('flow_id', 'in', ids)
            .where('status', 'in', ['waiting', 'active'])
            .groupBy('flow_id')
            .execute()
        ).map((r) => [r.flow_id, Number(r.n)]),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    trigger: triggerLabel(JSON.parse(r.draft) as FlowGraph),
    published_version: r.published_version,
    runs_in_progress: inProgress.get(r.id) ?? 0,
    texts_sent: sent.get(r.id) ?? 0,
    updated_at: r.updated_at,
  }));
}

export async function createFlow(db: Kysely<SmsSchema>, now: Date, shopId: string, input: CreateFlowBody): Promise<FlowView> {
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const row: FlowsTable = {
      id: newId('flow'),
      shop_id: shopId,
      name: input.name.trim(),
      status: 'draft',
      trigger_id: null,
      published_version: null,
      draft: toJson(input.graph),
      deleted_at: null,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('flows').values(row).execute();
    return flowView(trx, input.publish ? await publishRow(trx, now, row) : row);
  });
}

export async function updateFlow(db: Kysely<SmsSchema>, now: Date, shopId: string, id: string, patch: UpdateFlowBody): Promise<FlowView> {
  return db.transaction().execute(async (trx) => {
    const row = await requireFlow(trx, shopId, id);
    const next: FlowsTable = {
      ...row,
      name: patch.name?.trim() || row.name,
      draft: patch.graph ? toJson(patch.graph) : row.draft,
      updated_at: now.toISOString(),
    };
    await trx.updateTable('flows').set({ name: next.name, draft: next.draft, updated_at: next.updated_at }).where('id', '=', id).execute();
    return flowView(trx, next);
  });
}

/** The trigger row a graph starts from: the event type's row (made now if need be), or the partner trigger. */
async function triggerRow(trx: Kysely<SmsSchema>, now: Date, shopId: string, graph: FlowGraph) {
  const loc = ['body', 'graph', 'trigger'];
  if (graph.trigger.kind === 'event') return resolveEventTypeTrigger(trx, now, shopId, graph.trigger.event_type, [...loc, 'event_type']);
  const partner = await findTriggerByName(trx, shopId, graph.trigger.trigger);
  if (!partner) throw new UnknownTriggerError(graph.trigger.trigger, shopId, [...loc, 'trigger']);
  return partner;
}

async function publishRow(trx: Kysely<SmsSchema>, now: Date, row: FlowsTable): Promise<FlowsTable> {
  const graph = JSON.parse(row.draft) as FlowGraph;
  const problems = validateFlowGraph(graph, await flowCatalog(trx, row.shop_id));
  if (problems.length > 0) throw new FlowProblemsError(problems);
  const trigger = await triggerRow(trx, now, row.shop_id, graph);
  const at = now.toISOString();
  let version = row.published_version;
  const latest =
    version === null
      ? undefined
      : await trx
          .selectFrom('flow_versions')
          .select('graph')
          .where('flow_id', '=', row.id)
          .where('version', '=', version)
          .executeTakeFirst();
  // Publishing an unchanged draft makes no new version.
  if (latest?.graph !== row.draft) {
    version = (version ?? 0) + 1;
    await trx.insertInto('flow_versions').values({ flow_id: row.id, version, graph: row.draft, published_at: at }).execute();
  }
  const next: FlowsTable = { ...row, status: 'live', published_version: version, trigger_id: trigger.id, updated_at: at };
  await trx
    .updateTable('flows')
    .set({ status: next.status, published_version: next.published_version, trigger_id: next.trigger_id, updated_at: at })
    .where('id', '=', row.id)
    .execute();
  if (row.status === 'paused') await rescheduleRuns(trx, now, row.id);
  return next;
}

/** Publishes the draft as the next version and makes the flow live (a paused flow's runs go on). */
export async function publishFlow(db: Kysely<SmsSchema>, now: Date, shopId: string, id: string): Promise<FlowView> {
  return db.transaction().execute(async (trx) => flowView(trx, await publishRow(trx, now, await requireFlow(trx, shopId, id))));
}

export async function pauseFlow(db: Kysely<SmsSchema>, now: Date, shopId: string, id: string): Promise<FlowView> {
  return db.transaction().execute(async (trx) => {
    const row = await requireFlow(trx, shopId, id);
    if (row.status !== 'live')
      throw new Unprocessable(`Only a live flow can be paused; this one is ${row.status}`, ['path', 'id'], 'not_live');
    const next: FlowsTable = { ...row, status: 'paused', updated_at: now.toISOString() };
    await trx.updateTable('flows').set({ status: 'paused', updated_at: next.updated_at }).where('id', '=', id).execute();
    return flowView(trx, next);
  });
}

/** Resumes a paused flow on the version it had (publishing resumes it on the draft). */
export async function resumeFlow(db: Kysely<SmsSchema>, now: Date, shopId: string, id: string): Promise<FlowView> {
  return db.transaction().execute(async (trx) => {
    const row = await requireFlow(trx, shopId, id);
    if (row.status !== 'paused')
      throw new Unprocessable(`Only a paused flow can be resumed; this one is ${row.status}`, ['path', 'id'], 'not_paused');
    const next: FlowsTable = { ...row, status: 'live', updated_at: now.toISOString() };
    await trx.updateTable('flows').set({ status: 'live', updated_at: next.updated_at }).where('id', '=', id).execute();
    await rescheduleRuns(trx, now, id);
    return flowView(trx, next);
  });
}

/**
 * Deleting keeps the rows (the outbox and the runs' history point at them) but ends every run in progress
 * and suppresses the texts its runs still have queued (one held by quiet hours), with the reason.
 */
export async function deleteFlow(db: Kysely<SmsSchema>, now: Date, shopId: string, id: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await requireFlow(trx, shopId, id);
    const at = now.toISOString();
    await trx.updateTable('flows').set({ deleted_at: at, updated_at: at }).where('id', '=', id).execute();
    const open = await trx
      .selectFrom('flow_runs')
      .select('id')
      .where('flow_id', '=', id)
      .where('status', 'in', ['waiting', 'active'])
      .execute();
    for (const run of open) await trx.deleteFrom('flow_run_listeners').where('run_id', '=', run.id).execute();
    await trx
      .updateTable('flow_runs')
      .set({ status: 'exited', end_reason: 'flow_deleted', next_at: null, updated_at: at, ended_at: at })
      .where('flow_id', '=', id)
      .where('status', 'in', ['waiting', 'active'])
      .execute();
    await trx
      .updateTable('outbox_messages')
      .set({ status: 'suppressed', status_reason: 'flow_deleted', updated_at: at })
      .where('automation_id', '=', id)
      .where('status', '=', 'queued')
      .execute();
  });
}

/** Runs with their history, newest first: a flow's, or a subscriber's (their profile page). */
export async function listFlowRuns(
  db: Kysely<SmsSchema>,
  shopId: string,
  filter: { flowId?: string; subscriberId?: string; limit?: number },
): Promise<FlowRunView[]> {
  if (filter.flowId) await requireFlow(db, shopId, filter.flowId);
  let q = db
    .selectFrom('flow_runs as r')
    .innerJoin('flows as f', 'f.id', 'r.flow_id')
    .selectAll('r')
    .select('f.name as flow_name')
    .where('r.shop_id', '=', shopId);
  if (filter.flowId) q = q.where('r.flow_id', '=', filter.flowId);
  if (filter.subscriberId) q = q.where('r.subscriber_id', '=', filter.subscriberId);
  const runs = await q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(filter.limit ?? 100)
    .execute();
  const steps =
    runs.length === 0
      ? []
      : await db
          .selectFrom('flow_run_steps')
          .select(['run_id', 'node_id', 'outcome', 'at'])
          .where(
            'run_id',
            'in',
            runs.map((r) => r.id),
          )
          .orderBy('run_id')
          .orderBy('seq')
          .execute();
  const byRun = new Map<string, FlowRunView['steps']>();
  for (const s of steps) {
    const list = byRun.get(s.run_id) ?? [];
    list.push({ node_id: s.node_id, outcome: s.outcome, at: s.at });
    byRun.set(s.run_id, list);
  }
  return runs.map((r: FlowRunsTable & { flow_name: string }) => ({
    id: r.id,
    flow: { id: r.flow_id, name: r.flow_name },
    version: r.version,
    subscriber_id: r.subscriber_id,
    status: r.status,
    node_id: r.node_id,
    next_at: r.next_at,
    end_reason: r.end_reason,
    steps: byRun.get(r.id) ?? [],
    created_at: r.created_at,
    ended_at: r.ended_at,
  }));
}

/** A flow as a file: its name and its draft graph (`rapport sms export-flow`). */
export async function exportFlow(db: Kysely<SmsSchema>, id: string): Promise<{ shop_id: string; name: string; graph: FlowGraph }> {
  const row = await db.selectFrom('flows').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new NotFoundError('flow', id, ['flow']);
  return { shop_id: row.shop_id, name: row.name, graph: JSON.parse(row.draft) as FlowGraph };
}
