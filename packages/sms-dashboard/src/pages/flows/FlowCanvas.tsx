import { Badge, Group, Paper, Text } from '@mantine/core';
import type { FlowGraph, NodeCounts } from '@rapport/sms/schemas';
import { Background, Controls, Handle, Position, ReactFlow, type Edge, type Node, type NodeProps } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { stepLabel, stepSummary, triggerSummary } from './describe.js';
import { layout, linksOf, TRIGGER_ID } from './graph-edit.js';

interface StepData extends Record<string, unknown> {
  title: string;
  summary: string;
  counts: NodeCounts | undefined;
  problems: number;
  selected: boolean;
  isTrigger: boolean;
}

/** One box on the canvas: what the step is, a line of what it does, and how many runs went through it. */
function StepBox({ data }: NodeProps<Node<StepData>>) {
  const c = data.counts;
  return (
    <Paper
      withBorder
      shadow={data.selected ? 'md' : 'xs'}
      p="xs"
      w={230}
      style={{
        borderColor: data.problems > 0 ? 'var(--mantine-color-red-6)' : data.selected ? 'var(--mantine-color-blue-6)' : undefined,
        borderWidth: data.problems > 0 || data.selected ? 2 : 1,
        cursor: 'pointer',
      }}
    >
      {data.isTrigger ? null : <Handle type="target" position={Position.Top} />}
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" fw={700} tt="uppercase" c="dimmed">
          {data.title}
        </Text>
        {data.problems > 0 ? (
          <Badge color="red" size="xs">
            {data.problems} {data.problems === 1 ? 'problem' : 'problems'}
          </Badge>
        ) : null}
      </Group>
      <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
        {data.summary}
      </Text>
      {c ? (
        <Text size="xs" c="dimmed" mt={4}>
          {c.entered} entered · {c.waiting} waiting · {c.moved_on} moved on · {c.exited} exited
          {c.clicks > 0 ? ` · ${c.clicks} ${c.clicks === 1 ? 'click' : 'clicks'}` : ''}
        </Text>
      ) : null}
      <Handle type="source" position={Position.Bottom} />
    </Paper>
  );
}

const nodeTypes = { step: StepBox };

interface Props {
  graph: FlowGraph;
  counts: Record<string, NodeCounts>;
  problemsOf: (id: string) => number;
  selected: string;
  onSelect: (id: string) => void;
}

/** The flow as a picture (React Flow): the trigger on top, each step below what leads to it, branches labelled. */
export function FlowCanvas({ graph, counts, problemsOf, selected, onSelect }: Props) {
  const { nodes, edges } = useMemo(() => {
    const positions = new Map(layout(graph).map((p) => [p.id, p]));
    const nodes: Node<StepData>[] = [
      {
        id: TRIGGER_ID,
        type: 'step',
        // Sizes before the box is measured: React Flow hides a node it has not measured yet, which on a busy
        // machine left the canvas empty for seconds.
        initialWidth: 230,
        initialHeight: 90,
        position: positions.get(TRIGGER_ID) ?? { x: 0, y: 0 },
        data: {
          title: 'Trigger',
          summary: triggerSummary(graph),
          counts: undefined,
          problems: problemsOf(TRIGGER_ID),
          selected: selected === TRIGGER_ID,
          isTrigger: true,
        },
      },
      ...graph.nodes.map((n) => ({
        id: n.id,
        type: 'step',
        initialWidth: 230,
        initialHeight: 110,
        position: positions.get(n.id) ?? { x: 0, y: 0 },
        data: {
          title: stepLabel(n.type),
          summary: stepSummary(n),
          counts: counts[n.id] ?? { entered: 0, waiting: 0, moved_on: 0, exited: 0, clicks: 0 },
          problems: problemsOf(n.id),
          selected: selected === n.id,
          isTrigger: false,
        },
      })),
    ];
    const ids = new Set(graph.nodes.map((n) => n.id));
    const edges: Edge[] = [
      { id: `${TRIGGER_ID}->${graph.start}`, source: TRIGGER_ID, target: graph.start },
      ...graph.nodes.flatMap((n) =>
        linksOf(n)
          .filter((l) => l.to !== null && ids.has(l.to))
          .map((l) => ({ id: `${n.id}:${l.key}`, source: n.id, target: l.to as string, ...(l.label ? { label: l.label } : {}) })),
      ),
    ];
    return { nodes, edges };
  }, [graph, counts, problemsOf, selected]);
  return (
    <div style={{ height: 560, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} aria-label="Flow canvas">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        onNodeClick={(_, node) => onSelect(node.id)}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 0.9 }}
        minZoom={0.2}
        maxZoom={1.5}
        proOptions={{ hideAttribution: false }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
