import { PROFILE_PROPERTIES, type PropertyType } from '@rapport/contract';
import { previewMessage } from '../automations/legacy/preview.js';
import type { ConditionOp, FlowGraph, FlowNode, PropertyCondition, SubscriberCondition } from '../schemas/flows.js';

/**
 * What a flow's JSON Schema cannot say, checked before a flow is saved or published (pure): every problem,
 * each with the location of the field (`nodes.3.conditions.0.op`) and a sentence naming the node. The
 * shop's catalog comes in as `FlowCatalog`, so this module reads nothing.
 *
 * - the graph: node ids unique, `start` and every link name a node, every node reachable, no cycle (a run
 *   must end: a loop would text forever), random-split percentages adding up to 100;
 * - the trigger and every awaited or exit event: a known event type or partner trigger;
 * - conditions typed by the catalog: a property the event carries, an operator its type allows
 *   (`Rating <= 2`, `Is Recommended = false`, a date within N days), a value of that type;
 * - messages: the tags the trigger supplies, subscriber fields and Okendo profile properties, as a legacy
 *   automation's (legacy/preview.ts).
 */

/** A property's type, or `unknown` for a custom event's key (its type is whatever arrives). */
export type KnownType = PropertyType | 'unknown';

/** What is known of an event type's properties. */
export interface EventProperties {
  properties: ReadonlyMap<string, KnownType>;
  /**
   * Whether other keys may arrive too (`unknown` type): a custom type (its keys are whatever was sent), or a
   * contract type with open properties (a review's product attributes, a survey's answers).
   */
  open: boolean;
}

export interface FlowCatalog {
  /** An event type the shop knows (the contract's or one it has sent), or undefined. */
  eventType(type: string): EventProperties | undefined;
  /** A partner trigger's tags, or undefined if the shop has no such trigger. */
  partnerTags(name: string): readonly string[] | undefined;
}

export interface FlowProblem {
  loc: (string | number)[];
  msg: string;
}

const OPS_BY_TYPE: Record<KnownType, readonly ConditionOp[]> = {
  number: ['=', '!=', '<', '<=', '>', '>=', 'exists', 'not_exists'],
  string: ['=', '!=', 'contains', 'exists', 'not_exists'],
  url: ['=', '!=', 'contains', 'exists', 'not_exists'],
  email: ['=', '!=', 'contains', 'exists', 'not_exists'],
  boolean: ['=', '!=', 'exists', 'not_exists'],
  date: ['before', 'after', 'within_last_days', 'within_next_days', 'exists', 'not_exists'],
  list: ['contains', 'exists', 'not_exists'],
  unknown: ['=', '!=', '<', '<=', '>', '>=', 'contains', 'exists', 'not_exists', 'before', 'after', 'within_last_days', 'within_next_days'],
};

/** A property's type on an event, `unknown` for an open key, or undefined when the event cannot carry it. */
const typeOn = (event: EventProperties | undefined, property: string): KnownType | undefined =>
  event?.properties.get(property) ?? (event?.open ? 'unknown' : undefined);

const PROFILE_TYPES = new Map<string, KnownType>(PROFILE_PROPERTIES.flatMap((p) => [[p.name, p.type] as const, [p.key, p.type] as const]));

/** Why a value does not suit an operator on a type, or null when it does. */
function valueProblem(type: KnownType, op: ConditionOp, value: unknown): string | null {
  if (op === 'exists' || op === 'not_exists') return value === undefined ? null : `"${op}" takes no value`;
  if (value === undefined) return `"${op}" needs a value`;
  if (op === 'within_last_days' || op === 'within_next_days')
    return typeof value === 'number' && Number.isInteger(value) && value > 0 ? null : `"${op}" needs a whole number of days above 0`;
  if (op === 'before' || op === 'after')
    return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : `"${op}" needs a date such as "2026-12-24"`;
  if (type === 'number') return typeof value === 'number' ? null : 'needs a number';
  if (type === 'boolean') return typeof value === 'boolean' ? null : 'needs true or false';
  if (type === 'string' || type === 'url' || type === 'email') return typeof value === 'string' ? null : 'needs text';
  return null;
}

function conditionProblems(
  c: { op: ConditionOp; value?: unknown },
  name: string,
  type: KnownType,
  loc: (string | number)[],
  where: string,
): FlowProblem[] {
  if (!OPS_BY_TYPE[type].includes(c.op))
    return [{ loc: [...loc, 'op'], msg: `${where}: ${name} is a ${type}; "${c.op}" does not apply (use ${OPS_BY_TYPE[type].join(', ')})` }];
  const problem = valueProblem(type, c.op, c.value);
  return problem ? [{ loc: [...loc, 'value'], msg: `${where}: ${name} ${c.op} … ${problem}` }] : [];
}

function propertyConditions(
  conditions: readonly PropertyCondition[] | undefined,
  event: EventProperties | undefined,
  eventName: string,
  loc: (string | number)[],
  where: string,
): FlowProblem[] {
  if (!event) return [];
  return (conditions ?? []).flatMap((c, i) => {
    const type = typeOn(event, c.property);
    if (!type) return [{ loc: [...loc, i, 'property'], msg: `${where}: "${c.property}" is not a property of ${eventName}` }];
    return conditionProblems(c, `"${c.property}"`, type, [...loc, i], where);
  });
}

function subscriberConditions(
  conditions: readonly SubscriberCondition[] | undefined,
  loc: (string | number)[],
  where: string,
): FlowProblem[] {
  return (conditions ?? []).flatMap((c, i) => {
    if (c.subject === 'tag') return [];
    if (c.subject === 'field') return conditionProblems(c, c.field, 'string', [...loc, i], where);
    // A custom property other than the 22 Okendo ones has whatever type its values have.
    return conditionProblems(c, `"${c.property}"`, PROFILE_TYPES.get(c.property) ?? 'unknown', [...loc, i], where);
  });
}

const links = (node: FlowNode): { field: (string | number)[]; to: string | null }[] => {
  switch (node.type) {
    case 'trigger_split':
    case 'conditional_split':
      return [
        { field: ['yes'], to: node.yes },
        { field: ['no'], to: node.no },
      ];
    case 'wait_for_event':
      return [
        { field: ['happened'], to: node.happened },
        { field: ['never_happened'], to: node.never_happened },
      ];
    case 'random_split':
      return node.branches.map((b, i) => ({ field: ['branches', i, 'next'], to: b.next }));
    case 'exit':
      return [];
    default:
      return [{ field: ['next'], to: node.next }];
  }
};

const durationMinutes = (d: { days?: number | undefined; hours?: number | undefined; minutes?: number | undefined }) =>
  (d.days ?? 0) * 1440 + (d.hours ?? 0) * 60 + (d.minutes ?? 0);

export function validateFlowGraph(graph: FlowGraph, catalog: FlowCatalog): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const index = new Map<string, number>();
  graph.nodes.forEach((node, i) => {
    if (index.has(node.id)) problems.push({ loc: ['nodes', i, 'id'], msg: `node id "${node.id}" is used twice` });
    else index.set(node.id, i);
  });
  const label = (i: number) => `node "${graph.nodes[i]!.id}" (${graph.nodes[i]!.type})`;

  // The trigger: what the flow's messages and trigger splits may read.
  const trigger = graph.trigger;
  let triggerName: string;
  let triggerProperties: EventProperties | undefined;
  if (trigger.kind === 'event') {
    triggerName = trigger.event_type;
    triggerProperties = catalog.eventType(trigger.event_type);
    if (!triggerProperties)
      problems.push({ loc: ['trigger', 'event_type'], msg: `"${trigger.event_type}" is not an event type of this shop` });
    problems.push(...propertyConditions(trigger.filters, triggerProperties, triggerName, ['trigger', 'filters'], 'trigger filter'));
  } else {
    triggerName = trigger.trigger;
    const tags = catalog.partnerTags(trigger.trigger);
    if (!tags) problems.push({ loc: ['trigger', 'trigger'], msg: `"${trigger.trigger}" is not a partner trigger of this shop` });
    else triggerProperties = { properties: new Map(tags.map((t) => [t, 'string' as const])), open: false };
  }
  const triggerTags = [...(triggerProperties?.properties.keys() ?? [])];
  problems.push(...subscriberConditions(graph.subscriber_filters, ['subscriber_filters'], 'subscriber filter'));

  const matchable = (type: string, property: string, loc: (string | number)[], where: string) => {
    const awaited = catalog.eventType(type);
    if (awaited && !typeOn(awaited, property)) problems.push({ loc, msg: `${where}: "${property}" is not a property of ${type}` });
    if (triggerProperties && !typeOn(triggerProperties, property))
      problems.push({ loc, msg: `${where}: "${property}" is not a property of the trigger ${triggerName}, so there is nothing to match` });
  };
  (graph.exit_events ?? []).forEach((exit, i) => {
    if (!catalog.eventType(exit.event_type))
      problems.push({ loc: ['exit_events', i, 'event_type'], msg: `exit event "${exit.event_type}" is not an event type of this shop` });
    else if (exit.match_property) matchable(exit.event_type, exit.match_property, ['exit_events', i, 'match_property'], 'exit event');
  });

  graph.nodes.forEach((node, i) => {
    const at = (...field: (string | number)[]) => ['nodes', i, ...field];
    for (const link of links(node))
      if (link.to !== null && !index.has(link.to))
        problems.push({ loc: at(...link.field), msg: `${label(i)} links to "${link.to}", which is no node` });
    switch (node.type) {
      case 'message':
        for (const e of previewMessage(node.body, { name: triggerName, tags: triggerTags }).errors)
          problems.push({ loc: at('body'), msg: `${label(i)}: ${e.msg}` });
        break;
      case 'delay':
        if (durationMinutes(node.duration) === 0)
          problems.push({ loc: at('duration'), msg: `${label(i)}: a delay must last at least a minute` });
        break;
      case 'delay_until':
        if ('date_property' in node.until) {
          const { date_property: property, source } = node.until;
          const type = source === 'event' ? typeOn(triggerProperties, property) : (PROFILE_TYPES.get(property) ?? 'unknown');
          if (source === 'event' && trigger.kind !== 'event')
            problems.push({
              loc: at('until', 'source'),
              msg: `${label(i)}: a partner trigger carries no event properties; use source "subscriber"`,
            });
          else if (type === undefined)
            problems.push({ loc: at('until', 'date_property'), msg: `${label(i)}: "${property}" is not a property of ${triggerName}` });
          else if (type !== 'date' && type !== 'unknown')
            problems.push({ loc: at('until', 'date_property'), msg: `${label(i)}: "${property}" is a ${type}, not a date` });
        }
        break;
      case 'trigger_split':
        problems.push(...propertyConditions(node.conditions, triggerProperties, triggerName, at('conditions'), label(i)));
        break;
      case 'conditional_split':
        problems.push(...subscriberConditions(node.conditions, at('conditions'), label(i)));
        break;
      case 'wait_for_event': {
        const awaited = catalog.eventType(node.event_type);
        if (!awaited) problems.push({ loc: at('event_type'), msg: `${label(i)}: "${node.event_type}" is not an event type of this shop` });
        problems.push(...propertyConditions(node.filters, awaited, node.event_type, at('filters'), label(i)));
        if (node.match_property) matchable(node.event_type, node.match_property, at('match_property'), label(i));
        if (durationMinutes(node.max_wait) === 0)
          problems.push({ loc: at('max_wait'), msg: `${label(i)}: the wait must last at least a minute` });
        break;
      }
      case 'random_split': {
        const total = node.branches.reduce((sum, b) => sum + b.percent, 0);
        if (total !== 100) problems.push({ loc: at('branches'), msg: `${label(i)}: the branches add up to ${total} %, not 100 %` });
        break;
      }
      case 'tag':
      case 'exit':
        break;
    }
  });

  if (!index.has(graph.start)) {
    problems.push({ loc: ['start'], msg: `start "${graph.start}" is no node` });
    return problems;
  }
  // Reachability and cycles, depth first from the start (grey = on the current path).
  const state = new Map<string, 'grey' | 'black'>();
  const visit = (id: string, path: string[]): void => {
    state.set(id, 'grey');
    const i = index.get(id)!;
    for (const link of links(graph.nodes[i]!)) {
      if (link.to === null || !index.has(link.to)) continue;
      const seen = state.get(link.to);
      if (seen === 'grey')
        problems.push({
          loc: ['nodes', i, ...link.field],
          msg: `${label(i)} loops back to "${link.to}" (${[...path, id, link.to].join(' → ')}): a run must end`,
        });
      else if (!seen) visit(link.to, [...path, id]);
    }
    state.set(id, 'black');
  };
  visit(graph.start, []);
  graph.nodes.forEach((node, i) => {
    if (!state.has(node.id) && index.get(node.id) === i)
      problems.push({ loc: ['nodes', i], msg: `${label(i)} cannot be reached from the start` });
  });
  return problems;
}
