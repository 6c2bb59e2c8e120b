import { Group, NumberInput } from '@mantine/core';
import type { Duration } from '@rapport/sms/schemas';

/** Days, hours and minutes of a wait; their parts add up. */
export function DurationFields({ label, value, onChange }: { label: string; value: Duration; onChange: (d: Duration) => void }) {
  const part = (key: keyof Duration, name: string, max: number) => (
    <NumberInput
      label={`${label}: ${name}`}
      min={0}
      max={max}
      allowDecimal={false}
      value={value[key] ?? 0}
      onChange={(n) => {
        const next = { ...value, [key]: typeof n === 'number' ? n : 0 };
        if (!next[key]) delete next[key];
        onChange(next);
      }}
      style={{ flex: 1 }}
    />
  );
  return (
    <Group gap="xs" wrap="nowrap" align="flex-end">
      {part('days', 'days', 365)}
      {part('hours', 'hours', 8760)}
      {part('minutes', 'minutes', 525600)}
    </Group>
  );
}
