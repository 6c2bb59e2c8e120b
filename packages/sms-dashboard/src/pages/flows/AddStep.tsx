import { Button, Group, Select, Stack, Text } from '@mantine/core';
import type { FlowGraph } from '@rapport/sms/schemas';
import { useState } from 'react';
import { STEP_TYPES } from './describe.js';
import { insertStep, linksOf, targetOf, TRIGGER_ID, type NodeType } from './graph-edit.js';

/** "Add a step" below the selected box: one picker per outgoing link (a split has two). */
export function AddStep({ graph, from, onAdded }: { graph: FlowGraph; from: string; onAdded: (graph: FlowGraph, id: string) => void }) {
  const node = graph.nodes.find((n) => n.id === from);
  const links = from === TRIGGER_ID ? [{ key: 'start', label: null }] : node ? linksOf(node) : [];
  if (links.length === 0) return null;
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        Add a step
      </Text>
      {links.map((l) => (
        <LinkAdder key={l.key} graph={graph} from={from} linkKey={l.key} label={l.label} onAdded={onAdded} />
      ))}
    </Stack>
  );
}

function LinkAdder(props: {
  graph: FlowGraph;
  from: string;
  linkKey: string;
  label: string | null;
  onAdded: (graph: FlowGraph, id: string) => void;
}) {
  const [type, setType] = useState<NodeType>('message');
  const occupied = targetOf(props.graph, props.from, props.linkKey) !== null;
  const where = props.label ? `on the ${props.label} branch` : 'after this';
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <Select
        label={`Step type ${where}`}
        data={STEP_TYPES.map((t) => ({ ...t, disabled: t.value === 'exit' && occupied }))}
        value={type}
        allowDeselect={false}
        onChange={(v) => v && setType(v as NodeType)}
        style={{ flex: '1 1 200px' }}
      />
      <Button
        variant="light"
        onClick={() => {
          const added = insertStep(props.graph, props.from, props.linkKey, type);
          if (added) props.onAdded(added.graph, added.id);
        }}
      >
        Add step {where}
      </Button>
    </Group>
  );
}
