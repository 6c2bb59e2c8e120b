import { ActionIcon, Autocomplete, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { PropertyCondition } from '@rapport/sms/schemas';
import { OPS, parseValue, takesValue, valueText } from './condition-values.js';

interface Props {
  label: string;
  conditions: PropertyCondition[];
  /** The properties the event carries (its tags), offered as the merchant types. */
  properties: readonly string[];
  onChange: (conditions: PropertyCondition[]) => void;
  /** At least one row (a split needs one). */
  required?: boolean;
}

/** Conditions on an event's properties: `Rating ≤ 2`, `Is Recommended is false` — all must hold. */
export function PropertyConditions({ label, conditions, properties, onChange, required = false }: Props) {
  const set = (i: number, c: PropertyCondition) => onChange(conditions.map((x, k) => (k === i ? c : x)));
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {conditions.length === 0 ? (
        <Text size="sm" c="dimmed">
          None: every event counts.
        </Text>
      ) : null}
      {conditions.map((c, i) => (
        <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
          <Autocomplete
            label="Property"
            aria-label={`${label} ${i + 1}: property`}
            data={[...properties]}
            value={c.property}
            onChange={(property) => set(i, { ...c, property })}
            style={{ flex: 2 }}
          />
          <Select
            label="Operator"
            data={OPS}
            value={c.op}
            allowDeselect={false}
            onChange={(op) => {
              if (!op) return;
              const next = { ...c, op: op as PropertyCondition['op'] };
              const value = parseValue(valueText(c.value), next.op);
              set(i, value === undefined ? { property: c.property, op: next.op } : { ...next, value });
            }}
            style={{ flex: 1.4 }}
          />
          {takesValue(c.op) ? (
            <TextInput
              label="Value"
              value={valueText(c.value)}
              onChange={(e) => set(i, { ...c, value: parseValue(e.currentTarget.value, c.op) as PropertyCondition['value'] })}
              style={{ flex: 1 }}
            />
          ) : null}
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
        <Button variant="light" size="xs" onClick={() => onChange([...conditions, { property: '', op: '=', value: '' }])}>
          Add {label.toLowerCase().replace(/s$/, '')}
        </Button>
      </Group>
    </Stack>
  );
}
