import type { FlowGraph } from '@rapport/sms/schemas';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { stepSummary, triggerSummary } from '../src/pages/flows/describe.js';
import { draftProblems } from '../src/pages/flows/draft-check.js';
import { insertStep, layout, linksOf, removeStep, TRIGGER_ID } from '../src/pages/flows/graph-edit.js';

const base: FlowGraph = {
  version: 1,
  trigger: { kind: 'event', event_type: 'Review Created', filters: [{ property: 'Rating', op: '<=', value: 2 }] },
  reentry: { mode: 'every_time' },
  start: 'say',
  nodes: [{ id: 'say', type: 'message', body: 'Sorry', next: null }],
};
const order = (g: FlowGraph) => g.nodes.map((n) => n.id);
const nextOf = (g: FlowGraph, id: string) => linksOf(g.nodes.find((n) => n.id === id)!).map((l) => l.to);

describe('building a flow graph', () => {
  test('a delay added after the trigger comes first and leads to the old first step', () => {
    const r = insertStep(base, TRIGGER_ID, 'start', 'delay')!;
    assert.equal(r.graph.start, r.id);
    assert.deepEqual(nextOf(r.graph, r.id), ['say']);
  });

  test('a split added into a link takes the old target on its Yes branch; No ends the run', () => {
    const r = insertStep(base, TRIGGER_ID, 'start', 'conditional_split')!;
    assert.deepEqual(nextOf(r.graph, r.id), ['say', null]);
  });

  test('an exit step only goes where nothing follows', () => {
    assert.equal(insertStep(base, TRIGGER_ID, 'start', 'exit'), null);
    const r = insertStep(base, 'say', 'next', 'exit')!;
    assert.deepEqual(nextOf(r.graph, 'say'), [r.id]);
  });

  test('removing a step joins its predecessor to what followed it', () => {
    const withDelay = insertStep(base, TRIGGER_ID, 'start', 'delay')!;
    const withTag = insertStep(withDelay.graph, withDelay.id, 'next', 'tag')!;
    const removed = removeStep(withTag.graph, withTag.id);
    assert.deepEqual(nextOf(removed, withDelay.id), ['say']);
    assert.deepEqual(order(removed).sort(), ['say', withDelay.id].sort());
  });

  test('removing a split drops the branch nobody reaches any more', () => {
    const split = insertStep(base, TRIGGER_ID, 'start', 'conditional_split')!;
    const onNo = insertStep(split.graph, split.id, 'no', 'message')!;
    const removed = removeStep(onNo.graph, split.id);
    assert.equal(removed.start, 'say');
    assert.deepEqual(order(removed), ['say']);
  });

  test('the only step cannot be removed', () => {
    assert.equal(removeStep(base, 'say'), base);
  });

  test('the layout puts each step a row below the deepest step leading to it', () => {
    const split = insertStep(base, TRIGGER_ID, 'start', 'trigger_split')!;
    const onNo = insertStep(split.graph, split.id, 'no', 'delay')!;
    const joined = {
      ...onNo.graph,
      nodes: onNo.graph.nodes.map((n) => (n.id === onNo.id && n.type === 'delay' ? { ...n, next: 'say' } : n)),
    };
    const rows = new Map(layout(joined).map((p) => [p.id, p.y]));
    assert.ok(rows.get(TRIGGER_ID)! < rows.get(split.id)!);
    assert.ok(rows.get(onNo.id)! < rows.get('say')!, 'the step both branches reach sits below the longer one');
  });

  test('steps and the trigger in words', () => {
    assert.equal(triggerSummary(base), 'Review Created where Rating <= 2');
    assert.equal(stepSummary({ id: 'w', type: 'delay', duration: { hours: 1 }, next: null }), 'Wait 1 h');
    assert.equal(
      stepSummary({
        id: 'u',
        type: 'delay_until',
        until: { date_property: 'Okendo Loyalty Points Expiry Date', source: 'subscriber', offset_days: -7 },
        next: null,
      }),
      'Until Okendo Loyalty Points Expiry Date − 7 d',
    );
    assert.equal(
      stepSummary({
        id: 'x',
        type: 'wait_for_event',
        event_type: 'Review Created',
        match_property: 'Review Request Id',
        max_wait: { days: 3 },
        happened: null,
        never_happened: null,
      }),
      'Up to 3 d for Review Created (same Review Request Id)',
    );
  });

  test('empty fields the schema requires are named in words, on their box', () => {
    const withTag = insertStep(base, TRIGGER_ID, 'start', 'tag')!;
    const withSplit = insertStep(withTag.graph, TRIGGER_ID, 'start', 'trigger_split')!;
    const g = {
      ...withSplit.graph,
      trigger: { kind: 'event' as const, event_type: 'Review Created', filters: [{ property: ' ', op: '=' as const, value: 1 }] },
    };
    assert.deepEqual(draftProblems(g), [
      { at: TRIGGER_ID, msg: 'Trigger: Trigger filter 1: choose a property' },
      { at: withTag.id, msg: `Add or remove tag (${withTag.id}): name the tag` },
      { at: withSplit.id, msg: `Trigger split (${withSplit.id}): condition 1: choose a property` },
    ]);
    assert.deepEqual(draftProblems(base), []);
  });
});
