import { ActionIcon, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props<C> {
  label: string;
  /** What an empty list means ("every event counts"). */
  empty: string;
  conditions: C[];
  onChange: (conditions: C[]) => void;
  /** The row a new condition starts as. */
  fresh: () => C;
  /** The fields of one row; `set` replaces that row. */
  row: (condition: C, i: number, set: (c: C) => void) => ReactNode;
  /** At least one row (a split needs one). */
  required?: boolean;
}

/** A list of conditions that must all hold: its rows, each removable, and "Add …" below them. */
export function ConditionList<C>({ label, empty, conditions, onChange, fresh, row, required = false }: Props<C>) {
  const set = (i: number) => (c: C) => onChange(conditions.map((x, k) => (k === i ? c : x)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {conditions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : null}
      {conditions.map((c, i) => (
        <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
          {row(c, i, set(i))}
          {!required || conditions.length > 1 ? (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove ${label.toLowerCase()} ${i + 1}`}
              onClick={() => onChange(conditions.filter((_, k) => k !== i))}
              mb={4}
            >
              ×
            </ActionIcon>
          ) : null}
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...conditions, fresh()])}>
          Add {label.toLowerCase().replace(/s$/, '')}
        </Button>
      </Group>
    </Stack>
  );
}
