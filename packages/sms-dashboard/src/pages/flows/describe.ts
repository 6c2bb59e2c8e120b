import type { Duration, FlowGraph, FlowNode, PropertyCondition, SubscriberCondition } from '@rapport/sms/schemas';

/** How the builder names steps and conditions in words (pure, tested in test/flow-graph-edit.test.ts). */

export const STEP_TYPES: { value: FlowNode['type']; label: string }[] = [
  { value: 'message', label: 'Send message' },
  { value: 'delay', label: 'Delay' },
  { value: 'delay_until', label: 'Delay until' },
  { value: 'trigger_split', label: 'Trigger split' },
  { value: 'conditional_split', label: 'Conditional split' },
  { value: 'wait_for_event', label: 'Wait for event' },
  { value: 'random_split', label: 'Random split' },
  { value: 'tag', label: 'Add or remove tag' },
  { value: 'exit', label: 'Exit' },
];

export const stepLabel = (type: FlowNode['type']) => STEP_TYPES.find((t) => t.value === type)?.label ?? type;

export function durationText(d: Duration): string {
  const parts = [d.days ? `${d.days} d` : null, d.hours ? `${d.hours} h` : null, d.minutes ? `${d.minutes} min` : null].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '0 min';
}

const valueText = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));
const OP_WORDS: Record<string, string> = {
  exists: 'is set',
  not_exists: 'is not set',
  within_last_days: 'in the last',
  within_next_days: 'in the next',
  contains: 'contains',
  before: 'before',
  after: 'after',
};

function opText(op: string, value: unknown): string {
  if (op === 'exists' || op === 'not_exists') return OP_WORDS[op] as string;
  if (op === 'within_last_days' || op === 'within_next_days') return `${OP_WORDS[op]} ${String(value)} days`;
  return `${OP_WORDS[op] ?? op} ${valueText(value)}`;
}

export const propertyConditionText = (c: PropertyCondition) => `${c.property || '…'} ${opText(c.op, c.value)}`;

export function subscriberConditionText(c: SubscriberCondition): string {
  if (c.subject === 'tag') return `${c.op === 'has' ? 'has' : 'has not'} tag ${c.tag || '…'}`;
  if (c.subject === 'field') return `${c.field} ${opText(c.op, c.value)}`;
  return `${c.property || '…'} ${opText(c.op, c.value)}`;
}

/** One line under a step on the canvas. */
export function stepSummary(node: FlowNode): string {
  switch (node.type) {
    case 'message':
      return `${node.media_url ? 'MMS: ' : ''}${node.body.trim() || 'Write the message'}`;
    case 'delay':
      return `Wait ${durationText(node.duration)}`;
    case 'delay_until': {
      const u = node.until;
      if ('time_of_day' in u) return `Until ${u.time_of_day}, their time`;
      if ('date' in u) return `Until ${u.date.slice(0, 16).replace('T', ' ')}`;
      const offset = u.offset_days ? ` ${u.offset_days > 0 ? '+' : '−'} ${Math.abs(u.offset_days)} d` : '';
      return `Until ${u.date_property || '…'}${offset}`;
    }
    case 'trigger_split':
      return `If ${node.conditions.map(propertyConditionText).join(' and ')}`;
    case 'conditional_split':
      return `If ${node.conditions.map(subscriberConditionText).join(' and ')}`;
    case 'wait_for_event':
      return `Up to ${durationText(node.max_wait)} for ${node.event_type || '…'}${node.match_property ? ` (same ${node.match_property})` : ''}`;
    case 'random_split':
      return `Random ${node.branches.map((b) => b.percent).join(' / ')}`;
    case 'tag':
      return `${node.action === 'add' ? 'Add' : 'Remove'} tag ${node.tag || '…'}`;
    case 'exit':
      return 'The run ends';
  }
}

export function triggerSummary(graph: FlowGraph): string {
  const t = graph.trigger;
  if (t.kind === 'partner') return t.trigger;
  const filters = t.filters ?? [];
  return filters.length > 0 ? `${t.event_type} where ${filters.map(propertyConditionText).join(' and ')}` : t.event_type;
}
