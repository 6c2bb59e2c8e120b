import type { FlowGraph, PropertyCondition, SubscriberCondition } from '@rapport/sms/schemas';
import { stepLabel } from './describe.js';
import { TRIGGER_ID } from './graph-edit.js';

/**
 * What the builder refuses before it asks the server (pure, tested in test/flow-graph-edit.test.ts): the
 * fields the flow schema requires to be filled in. The API refuses them too, but a union of step types
 * answers with every type's mismatch ("body is required", "conditions is not an allowed field"), which says
 * nothing to a merchant; here each problem names the box and the field in words.
 */
export interface DraftProblem {
  at: string;
  msg: string;
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

function propertyGaps(conditions: readonly PropertyCondition[] | undefined, what: string): string[] {
  return (conditions ?? []).flatMap((c, i) => (blank(c.property) ? [`${what} ${i + 1}: choose a property`] : []));
}

function subscriberGaps(conditions: readonly SubscriberCondition[] | undefined, what: string): string[] {
  return (conditions ?? []).flatMap((c, i) => {
    if (c.subject === 'tag' && blank(c.tag)) return [`${what} ${i + 1}: name the tag`];
    if (c.subject === 'property' && blank(c.property)) return [`${what} ${i + 1}: choose a property`];
    return [];
  });
}

export function draftProblems(graph: FlowGraph): DraftProblem[] {
  const out: DraftProblem[] = [];
  const add = (at: string, msgs: string[], where: string) => out.push(...msgs.map((m) => ({ at, msg: `${where}: ${m}` })));
  if (graph.trigger.kind === 'event') add(TRIGGER_ID, propertyGaps(graph.trigger.filters, 'Trigger filter'), 'Trigger');
  add(TRIGGER_ID, subscriberGaps(graph.subscriber_filters, 'Subscriber filter'), 'Trigger');
  add(
    TRIGGER_ID,
    (graph.exit_events ?? []).flatMap((e, i) => (blank(e.event_type) ? [`exit event ${i + 1}: choose the event`] : [])),
    'Trigger',
  );
  for (const n of graph.nodes) {
    const where = `${stepLabel(n.type)} (${n.id})`;
    switch (n.type) {
      case 'message':
        add(n.id, blank(n.body) ? ['write the message'] : [], where);
        break;
      case 'trigger_split':
        add(n.id, propertyGaps(n.conditions, 'condition'), where);
        break;
      case 'conditional_split':
        add(n.id, subscriberGaps(n.conditions, 'condition'), where);
        break;
      case 'wait_for_event':
        add(n.id, [...(blank(n.event_type) ? ['choose the event to wait for'] : []), ...propertyGaps(n.filters, 'event filter')], where);
        break;
      case 'tag':
        add(n.id, blank(n.tag) ? ['name the tag'] : [], where);
        break;
      case 'delay_until':
        add(n.id, 'date_property' in n.until && blank(n.until.date_property) ? ['choose the date property'] : [], where);
        break;
      default:
        break;
    }
  }
  return out;
}
