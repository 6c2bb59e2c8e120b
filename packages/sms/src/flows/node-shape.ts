import { compileCheck, type ErrorItem } from '@rapport/kit';
import { FlowNode } from '../schemas/flows.js';

/**
 * Each node of a graph checked against the schema of its own `type`, before the graph's schema runs: a
 * node is one of nine shapes (a union), and a union's errors list every shape's mismatch ("body is
 * required", "conditions is not an allowed field", "type must be equal to constant") — nothing a person can
 * act on. A node whose `type` is known is judged by that shape alone, so "nodes.2.tag must not be shorter
 * than 1 character" is what comes back. A node of no known type is left to the graph's schema.
 */
const checks = new Map(
  FlowNode.anyOf.map((shape) => [(shape.properties.type as { const: string }).const, compileCheck(shape, 'node')] as const),
);

export function nodeShapeProblems(graph: unknown, at: (string | number)[]): ErrorItem[] {
  const nodes = typeof graph === 'object' && graph !== null ? (graph as { nodes?: unknown }).nodes : undefined;
  if (!Array.isArray(nodes)) return [];
  const where = [...at.slice(1), 'nodes'].join('.');
  return nodes.flatMap((node: unknown, i) => {
    const type = typeof node === 'object' && node !== null ? (node as { type?: unknown }).type : undefined;
    const check = typeof type === 'string' ? checks.get(type) : undefined;
    if (!check) return [];
    const r = check(node);
    if (r.ok) return [];
    return r.items.map((item) => ({
      ...item,
      loc: [...at, 'nodes', i, ...item.loc.slice(1)],
      msg: `${where}.${i}${item.msg.startsWith('node ') ? ` ${item.msg.slice('node '.length)}` : `.${item.msg}`}`,
    }));
  });
}
