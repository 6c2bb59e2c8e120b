import { Autocomplete, Select, TextInput } from '@mantine/core';
import { PROFILE_PROPERTIES } from '@rapport/contract';
import type { SubscriberCondition } from '@rapport/sms/schemas';
import { OPS, parseValue, takesValue, valueText } from './condition-values.js';
import { ConditionList } from './ConditionList.js';

interface Props {
  label: string;
  conditions: SubscriberCondition[];
  onChange: (conditions: SubscriberCondition[]) => void;
  required?: boolean;
}

const SUBJECTS = [
  { value: 'tag', label: 'Tag' },
  { value: 'property', label: 'Property' },
  { value: 'field', label: 'Field' },
];
const FIELDS = ['first_name', 'last_name', 'email', 'phone_number'];
const PROFILE_NAMES = PROFILE_PROPERTIES.map((p) => p.name);

function fresh(subject: string): SubscriberCondition {
  if (subject === 'tag') return { subject: 'tag', op: 'has', tag: '' };
  if (subject === 'field') return { subject: 'field', field: 'first_name', op: 'exists' };
  return { subject: 'property', property: '', op: '=', value: '' };
}

/** Conditions on the subscriber — a tag, one of the 22 Okendo properties (or another), a field — all must hold. */
export function SubscriberConditions({ label, conditions, onChange, required = false }: Props) {
  return (
    <ConditionList
      label={label}
      empty="None: every subscriber."
      conditions={conditions}
      onChange={onChange}
      required={required}
      fresh={() => fresh('tag')}
      row={(c, i, set) => (
        <>
          <Select
            label="Condition on"
            aria-label={`${label} ${i + 1}`}
            data={SUBJECTS}
            value={c.subject}
            allowDeselect={false}
            onChange={(s) => s && s !== c.subject && set(fresh(s))}
            style={{ flex: 1 }}
          />
          {c.subject === 'tag' ? (
            <>
              <Select
                label="Operator"
                data={[
                  { value: 'has', label: 'has' },
                  { value: 'has_not', label: 'has not' },
                ]}
                value={c.op}
                allowDeselect={false}
                onChange={(op) => op && set({ ...c, op: op as 'has' | 'has_not' })}
                style={{ flex: 1 }}
              />
              <TextInput label="Tag" value={c.tag} onChange={(e) => set({ ...c, tag: e.currentTarget.value })} style={{ flex: 1.4 }} />
            </>
          ) : (
            <>
              {c.subject === 'field' ? (
                <Select
                  label="Field"
                  data={FIELDS}
                  value={c.field}
                  allowDeselect={false}
                  onChange={(f) => f && set({ ...c, field: f as typeof c.field })}
                  style={{ flex: 1.4 }}
                />
              ) : (
                <Autocomplete
                  label="Property"
                  data={PROFILE_NAMES}
                  value={c.property}
                  onChange={(property) => set({ ...c, property })}
                  style={{ flex: 2 }}
                />
              )}
              <Select
                label="Operator"
                data={OPS}
                value={c.op}
                allowDeselect={false}
                onChange={(op) => {
                  if (!op) return;
                  const value = parseValue(valueText(c.value), op as typeof c.op);
                  const { value: _old, ...rest } = c;
                  set((value === undefined ? { ...rest, op } : { ...rest, op, value }) as SubscriberCondition);
                }}
                style={{ flex: 1.4 }}
              />
              {takesValue(c.op) ? (
                <TextInput
                  label="Value"
                  value={valueText(c.value)}
                  onChange={(e) => set({ ...c, value: parseValue(e.currentTarget.value, c.op) } as SubscriberCondition)}
                  style={{ flex: 1 }}
                />
              ) : null}
            </>
          )}
        </>
      )}
    />
  );
}
