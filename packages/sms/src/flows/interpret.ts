import { addDays, localTime, zonedInstant } from '@rapport/kit';
import { renderTemplate, type TagValue } from '../messages/render.js';
import type { Duration, FlowGraph, FlowNode } from '../schemas/flows.js';
import { asInstant, eventMatches, propertyValue, subscriberMatches, type ConditionSubscriber } from './conditions.js';

/**
 * What a run does next (pure): from the node it is at, step through the graph until the run has to wait
 * (a delay, a wait for an event) or ends, and say what that takes — texts to queue, tags to change, an
 * event to listen for — as effects that runs.ts applies in one transaction. Nothing here reads the clock
 * or the database, so a move can be replayed after a crash and decide the same thing (a random split
 * buckets by run and node, not by chance).
 */

const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;

export const durationMs = (d: Duration): number => ((d.days ?? 0) * 1_440 + (d.hours ?? 0) * 60 + (d.minutes ?? 0)) * MINUTE;

export interface RunSubscriber extends ConditionSubscriber {
  /** IANA zones from the number's area code; the first is the recipient's (the shop's zone when empty). */
  time_zones: readonly string[];
}

export interface MoveInput {
  graph: FlowGraph;
  runId: string;
  nodeId: string;
  /** How the run arrives at `nodeId`: entering it, its wait running out, or the awaited event arriving. */
  arrival: 'enter' | 'timer' | 'event';
  triggerProps: Readonly<Record<string, TagValue>>;
  subscriber: RunSubscriber;
  shopTimeZone: string;
  now: Date;
}

export type Effect =
  | { kind: 'step'; nodeId: string; outcome: string; exited?: boolean }
  | { kind: 'send'; nodeId: string; nodeIndex: number; body: string; mediaUrl: string | null; warnings: string[] }
  | { kind: 'tag'; action: 'add' | 'remove'; tag: string }
  | { kind: 'listen'; nodeId: string; eventType: string; matchProperty: string | null; matchValue: unknown }
  | { kind: 'stop_listening' };

export type MoveEnd =
  | { status: 'waiting'; nodeId: string; until: Date }
  | { status: 'completed'; nodeId: string }
  | { status: 'exited'; nodeId: string; reason: string };

export interface Move {
  effects: Effect[];
  end: MoveEnd;
}

/** The graph's nodes by id, with their positions (a send's outbox key is (run, node position)). */
export interface IndexedGraph {
  graph: FlowGraph;
  byId: ReadonlyMap<string, { node: FlowNode; index: number }>;
}

const indexes = new WeakMap<FlowGraph, IndexedGraph>();
export function indexGraph(graph: FlowGraph): IndexedGraph {
  let indexed = indexes.get(graph);
  if (!indexed) {
    indexed = { graph, byId: new Map(graph.nodes.map((node, index) => [node.id, { node, index }])) };
    indexes.set(graph, indexed);
  }
  return indexed;
}

/** 0–99 from the run and the node (FNV-1a): the same run always takes the same branch of a random split. */
export function bucketOf(runId: string, nodeId: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${runId}:${nodeId}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 100;
}

/** The next instant the recipient's wall clock shows HH:MM (today if still ahead, else tomorrow). */
export function nextTimeOfDay(now: Date, hhmm: string, timeZone: string): Date {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const l = localTime(now, timeZone);
  const today = zonedInstant(l, h * 60 + m, timeZone);
  return today.getTime() > now.getTime() ? today : zonedInstant(addDays(l, 1), h * 60 + m, timeZone);
}

function formatDuration(ms: number): string {
  if (ms % DAY === 0) return `${ms / DAY} d`;
  if (ms % (60 * MINUTE) === 0) return `${ms / (60 * MINUTE)} h`;
  return `${ms / MINUTE} min`;
}

/** When a `delay_until` step ends, or why it cannot (a date property the run does not have). */
function delayUntil(node: Extract<FlowNode, { type: 'delay_until' }>, input: MoveInput, zone: string): Date | string {
  const u = node.until;
  if ('date' in u) return new Date(u.date);
  if ('time_of_day' in u) return nextTimeOfDay(input.now, u.time_of_day, zone);
  const props = u.source === 'event' ? input.triggerProps : input.subscriber.properties;
  const at = asInstant(propertyValue(props, u.date_property));
  if (at === undefined) return `no ${u.date_property}`;
  return new Date(at + (u.offset_days ?? 0) * DAY);
}

export function move(input: MoveInput): Move {
  const { byId } = indexGraph(input.graph);
  const effects: Effect[] = [];
  const zone = input.subscriber.time_zones[0] ?? input.shopTimeZone;
  // Tags added or removed earlier in this move count for a conditional split later in it.
  let tags = [...input.subscriber.tags];
  let nodeId: string | null = input.nodeId;
  let arrival = input.arrival;
  const step = (outcome: string, next: string | null) => {
    effects.push({ kind: 'step', nodeId: nodeId as string, outcome });
    return next;
  };
  // A published graph has no cycle (validate-graph.ts); the bound keeps a bad row from spinning.
  for (let guard = 0; nodeId !== null && guard <= input.graph.nodes.length; guard++) {
    const entry = byId.get(nodeId);
    if (!entry) return { effects, end: { status: 'exited', nodeId, reason: `missing_node:${nodeId}` } };
    const { node, index } = entry;
    const resumed = arrival !== 'enter';
    arrival = 'enter';
    let next: string | null;
    switch (node.type) {
      case 'message': {
        const rendered = renderTemplate(node.body, {
          tags: input.triggerProps,
          subscriber: { ...input.subscriber, properties: { ...input.subscriber.properties } },
        });
        effects.push({
          kind: 'send',
          nodeId,
          nodeIndex: index,
          body: rendered.body,
          mediaUrl: node.media_url ?? null,
          warnings: rendered.warnings,
        });
        next = step(node.media_url ? 'MMS queued' : 'text queued', node.next);
        break;
      }
      case 'delay': {
        const ms = durationMs(node.duration);
        if (!resumed && ms > 0) return { effects, end: { status: 'waiting', nodeId, until: new Date(input.now.getTime() + ms) } };
        next = step(`waited ${formatDuration(ms)}`, node.next);
        break;
      }
      case 'delay_until': {
        if (resumed) {
          next = step('waited until the time', node.next);
          break;
        }
        const until = delayUntil(node, input, zone);
        if (typeof until === 'string') {
          effects.push({ kind: 'step', nodeId, outcome: `${until}: the run ends`, exited: true });
          return { effects, end: { status: 'exited', nodeId, reason: until.replace(/^no /, 'no_date:') } };
        }
        if (until.getTime() > input.now.getTime()) return { effects, end: { status: 'waiting', nodeId, until } };
        next = step('the time had passed: went on at once', node.next);
        break;
      }
      case 'trigger_split': {
        const yes = eventMatches(node.conditions, input.triggerProps, input.now);
        next = step(yes ? 'yes' : 'no', yes ? node.yes : node.no);
        break;
      }
      case 'conditional_split': {
        const yes = subscriberMatches(node.conditions, { ...input.subscriber, tags }, input.now);
        next = step(yes ? 'yes' : 'no', yes ? node.yes : node.no);
        break;
      }
      case 'wait_for_event': {
        if (resumed) {
          effects.push({ kind: 'stop_listening' });
          const happened = input.arrival === 'event';
          next = step(happened ? 'happened' : 'never happened', happened ? node.happened : node.never_happened);
          break;
        }
        const matchProperty = node.match_property ?? null;
        effects.push({
          kind: 'listen',
          nodeId,
          eventType: node.event_type,
          matchProperty,
          matchValue: matchProperty === null ? null : (propertyValue(input.triggerProps, matchProperty) ?? null),
        });
        return { effects, end: { status: 'waiting', nodeId, until: new Date(input.now.getTime() + durationMs(node.max_wait)) } };
      }
      case 'random_split': {
        const bucket = bucketOf(input.runId, nodeId);
        let floor = 0;
        const branch = node.branches.findIndex((b) => bucket < (floor += b.percent));
        const chosen = node.branches[branch === -1 ? node.branches.length - 1 : branch];
        next = step(`branch ${(branch === -1 ? node.branches.length - 1 : branch) + 1}`, chosen?.next ?? null);
        break;
      }
      case 'tag': {
        effects.push({ kind: 'tag', action: node.action, tag: node.tag });
        tags = node.action === 'add' ? [...tags.filter((t) => t !== node.tag), node.tag] : tags.filter((t) => t !== node.tag);
        next = step(`tag ${node.tag} ${node.action === 'add' ? 'added' : 'removed'}`, node.next);
        break;
      }
      case 'exit':
        effects.push({ kind: 'step', nodeId, outcome: 'exit step', exited: true });
        return { effects, end: { status: 'exited', nodeId, reason: 'exit_node' } };
      default: {
        const never: never = node;
        throw new Error(`unknown node ${JSON.stringify(never)}`);
      }
    }
    if (next === null) return { effects, end: { status: 'completed', nodeId } };
    nodeId = next;
  }
  return { effects, end: { status: 'exited', nodeId: nodeId ?? input.nodeId, reason: 'step_limit' } };
}
