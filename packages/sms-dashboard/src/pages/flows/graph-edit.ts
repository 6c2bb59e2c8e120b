import type { FlowGraph, FlowNode } from '@rapport/sms/schemas';

/**
 * What the flow builder does to a graph (pure, tested in test/flow-graph-edit.test.ts): the links of a
 * node, adding a step into a link, removing a step (its predecessors take its continuation, and branches
 * nobody reaches any more go with it), and a top-down layout for the canvas.
 */

export type NodeType = FlowNode['type'];

/** One outgoing link of a node: where it goes, how the canvas labels it, and how to set it. */
export interface Link {
  key: string;
  label: string | null;
  to: string | null;
}

/** The pseudo-node the canvas draws above the first step: the trigger. Its one link is `start`. */
export const TRIGGER_ID = '__trigger';

export function linksOf(node: FlowNode): Link[] {
  switch (node.type) {
    case 'message':
    case 'delay':
    case 'delay_until':
    case 'tag':
      return [{ key: 'next', label: null, to: node.next }];
    case 'trigger_split':
    case 'conditional_split':
      return [
        { key: 'yes', label: 'Yes', to: node.yes },
        { key: 'no', label: 'No', to: node.no },
      ];
    case 'wait_for_event':
      return [
        { key: 'happened', label: 'Happened', to: node.happened },
        { key: 'never_happened', label: 'Never happened', to: node.never_happened },
      ];
    case 'random_split':
      return node.branches.map((b, i) => ({ key: `branches.${i}`, label: `${b.percent} %`, to: b.next }));
    case 'exit':
      return [];
  }
}

/** The node with one link set (`next`, `yes`, `branches.1`…). */
export function withLink(node: FlowNode, key: string, to: string | null): FlowNode {
  if (key.startsWith('branches.') && node.type === 'random_split') {
    const i = Number(key.slice('branches.'.length));
    return { ...node, branches: node.branches.map((b, k) => (k === i ? { ...b, next: to } : b)) };
  }
  return { ...node, [key]: to } as FlowNode;
}

/** A fresh node of a type, with a link (its first) to `next`. */
export function newNode(type: NodeType, id: string, next: string | null): FlowNode {
  switch (type) {
    case 'message':
      return { id, type, body: '', next };
    case 'delay':
      return { id, type, duration: { days: 1 }, next };
    case 'delay_until':
      return { id, type, until: { time_of_day: '10:00' }, next };
    case 'trigger_split':
      return { id, type, conditions: [{ property: '', op: '=', value: '' }], yes: next, no: null };
    case 'conditional_split':
      return { id, type, conditions: [{ subject: 'tag', op: 'has', tag: '' }], yes: next, no: null };
    case 'wait_for_event':
      return { id, type, event_type: '', max_wait: { days: 3 }, happened: null, never_happened: next };
    case 'random_split':
      return {
        id,
        type,
        branches: [
          { percent: 50, next },
          { percent: 50, next: null },
        ],
      };
    case 'tag':
      return { id, type, action: 'add', tag: '', next };
    case 'exit':
      return { id, type };
  }
}

/** An id no node has yet: step-1, step-2, … */
export function freshId(graph: FlowGraph): string {
  const taken = new Set(graph.nodes.map((n) => n.id));
  for (let i = graph.nodes.length + 1; ; i++) if (!taken.has(`step-${i}`)) return `step-${i}`;
}

/** Adds a step of `type` into the link `key` of `from` (the trigger's link is `start`); returns the graph and the new id. */
export function insertStep(graph: FlowGraph, from: string, key: string, type: NodeType): { graph: FlowGraph; id: string } | null {
  if (type === 'exit' && targetOf(graph, from, key) !== null) return null;
  const id = freshId(graph);
  if (from === TRIGGER_ID) {
    const node = newNode(type, id, type === 'exit' ? null : graph.start);
    return { graph: { ...graph, start: id, nodes: [...graph.nodes, node] }, id };
  }
  const source = graph.nodes.find((n) => n.id === from);
  if (!source) return null;
  const old = linksOf(source).find((l) => l.key === key)?.to ?? null;
  const node = newNode(type, id, type === 'exit' ? null : old);
  const nodes = graph.nodes.map((n) => (n.id === from ? withLink(n, key, id) : n));
  return { graph: prune({ ...graph, nodes: [...nodes, node] }), id };
}

/** Where a link goes now (the trigger's link is the start). */
export function targetOf(graph: FlowGraph, from: string, key: string): string | null {
  if (from === TRIGGER_ID) return graph.start;
  const source = graph.nodes.find((n) => n.id === from);
  return (source && linksOf(source).find((l) => l.key === key)?.to) ?? null;
}

/** Whether a step may be removed: not the only one. */
export const canRemove = (graph: FlowGraph) => graph.nodes.length > 1;

/**
 * Removes a step: whatever led to it now leads where its first link went (a split's "yes", a wait's
 * "happened"), and steps no longer reachable from the start are removed with it.
 */
export function removeStep(graph: FlowGraph, id: string): FlowGraph {
  const node = graph.nodes.find((n) => n.id === id);
  if (!node || !canRemove(graph)) return graph;
  const continuation = linksOf(node)[0]?.to ?? null;
  const nodes = graph.nodes
    .filter((n) => n.id !== id)
    .map((n) => linksOf(n).reduce((m, l) => (l.to === id ? withLink(m, l.key, continuation) : m), n));
  const start = graph.start === id ? (continuation ?? nodes[0]?.id ?? graph.start) : graph.start;
  return prune({ ...graph, start, nodes });
}

/** Drops every node the start no longer reaches. */
export function prune(graph: FlowGraph): FlowGraph {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const stack = [graph.start];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    const node = byId.get(id);
    if (!node || seen.has(id)) continue;
    seen.add(id);
    for (const l of linksOf(node)) if (l.to) stack.push(l.to);
  }
  const kept = graph.nodes.filter((n) => seen.has(n.id));
  return kept.length === graph.nodes.length ? graph : { ...graph, nodes: kept };
}

/** Replaces one node (its id unchanged). */
export const replaceNode = (graph: FlowGraph, node: FlowNode): FlowGraph => ({
  ...graph,
  nodes: graph.nodes.map((n) => (n.id === node.id ? node : n)),
});

export interface Placed {
  id: string;
  x: number;
  y: number;
}

/**
 * Top-down positions: each node one row below the deepest step leading to it (longest path from the
 * trigger), rows centred; the trigger on the first row. Node ids in a row keep the graph's order.
 */
export function layout(graph: FlowGraph, size = { width: 260, height: 150 }): Placed[] {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const depth = new Map<string, number>([[TRIGGER_ID, 0]]);
  // Longest path in a DAG: relax in topological order (Kahn), from the start.
  const indegree = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  for (const n of graph.nodes)
    for (const l of linksOf(n)) if (l.to && indegree.has(l.to)) indegree.set(l.to, (indegree.get(l.to) ?? 0) + 1);
  const queue = graph.nodes.filter((n) => (indegree.get(n.id) ?? 0) === 0).map((n) => n.id);
  depth.set(graph.start, 1);
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const node = byId.get(id);
    if (!node) continue;
    const d = depth.get(id) ?? 1;
    for (const l of linksOf(node)) {
      if (!l.to || !indegree.has(l.to)) continue;
      depth.set(l.to, Math.max(depth.get(l.to) ?? 0, d + 1));
      indegree.set(l.to, (indegree.get(l.to) ?? 1) - 1);
      if (indegree.get(l.to) === 0) queue.push(l.to);
    }
  }
  const rows = new Map<number, string[]>();
  for (const id of [TRIGGER_ID, ...graph.nodes.map((n) => n.id)]) {
    const d = depth.get(id) ?? 1;
    rows.set(d, [...(rows.get(d) ?? []), id]);
  }
  const placed: Placed[] = [];
  for (const [d, ids] of rows) ids.forEach((id, i) => placed.push({ id, x: (i - (ids.length - 1) / 2) * size.width, y: d * size.height }));
  return placed;
}
