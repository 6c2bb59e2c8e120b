import { Autocomplete, Select, TextInput } from '@mantine/core';
import type { PropertyCondition } from '@rapport/sms/schemas';
import { OPS, parseValue, takesValue, valueText } from './condition-values.js';
import { ConditionList } from './ConditionList.js';

interface Props {
  label: string;
  conditions: PropertyCondition[];
  /** The properties the event carries (its tags), offered as the merchant types. */
  properties: readonly string[];
  onChange: (conditions: PropertyCondition[]) => void;
  required?: boolean;
}

/** Conditions on an event's properties: `Rating ≤ 2`, `Is Recommended is false` — all must hold. */
export function PropertyConditions({ label, conditions, properties, onChange, required = false }: Props) {
  return (
    <ConditionList
      label={label}
      empty="None: every event counts."
      conditions={conditions}
      onChange={onChange}
      required={required}
      fresh={(): PropertyCondition => ({ property: '', op: '=', value: '' })}
      row={(c, i, set) => (
        <>
          <Autocomplete
            label="Property"
            aria-label={`${label} ${i + 1}: property`}
            data={[...properties]}
            value={c.property}
            onChange={(property) => set({ ...c, property })}
            style={{ flex: 2 }}
          />
          <Select
            label="Operator"
            data={OPS}
            value={c.op}
            allowDeselect={false}
            onChange={(op) => {
              if (!op) return;
              const next = op as PropertyCondition['op'];
              const value = parseValue(valueText(c.value), next);
              set(value === undefined ? { property: c.property, op: next } : { property: c.property, op: next, value });
            }}
            style={{ flex: 1.4 }}
          />
          {takesValue(c.op) ? (
            <TextInput
              label="Value"
              value={valueText(c.value)}
              onChange={(e) => set({ ...c, value: parseValue(e.currentTarget.value, c.op) as PropertyCondition['value'] })}
              style={{ flex: 1 }}
            />
          ) : null}
        </>
      )}
    />
  );
}
