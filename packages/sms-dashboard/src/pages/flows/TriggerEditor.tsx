import { ActionIcon, Autocomplete, Button, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import type { FlowGraph } from '@rapport/sms/schemas';
import { PropertyConditions } from './PropertyConditions.js';
import { SubscriberConditions } from './SubscriberConditions.js';

interface Props {
  graph: FlowGraph;
  onChange: (graph: FlowGraph) => void;
  /** The trigger event's properties (tags). */
  triggerProperties: readonly string[];
  eventTypes: readonly string[];
  propertiesOf: (eventType: string) => readonly string[];
}

type Reentry = FlowGraph['reentry'];
const REENTRY = [
  { value: 'every_time', label: 'Every time the trigger happens' },
  { value: 'once', label: 'Once ever' },
  { value: 'once_per_days', label: 'Once per N days' },
];

/** The flow's entry: which events count (trigger filters), who may enter, how often, and what ends a run early. */
export function TriggerEditor({ graph, onChange, triggerProperties, eventTypes, propertiesOf }: Props) {
  const t = graph.trigger;
  const exits = graph.exit_events ?? [];
  const setReentry = (reentry: Reentry) => onChange({ ...graph, reentry });
  return (
    <Stack gap="md">
      <Text size="sm">
        Starts on <b>{t.kind === 'event' ? t.event_type : t.trigger}</b> ({t.kind === 'event' ? 'an event' : 'a partner trigger'}).
      </Text>
      {t.kind === 'event' ? (
        <PropertyConditions
          label="Trigger filters"
          conditions={t.filters ?? []}
          properties={triggerProperties}
          onChange={(filters) => onChange({ ...graph, trigger: { ...t, filters } })}
        />
      ) : null}
      <SubscriberConditions
        label="Subscriber filters"
        conditions={graph.subscriber_filters ?? []}
        onChange={(subscriber_filters) => onChange({ ...graph, subscriber_filters })}
      />
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Select
          label="Re-entry"
          data={REENTRY}
          value={graph.reentry.mode}
          allowDeselect={false}
          onChange={(m) => m && setReentry(m === 'once_per_days' ? { mode: m, days: 7 } : ({ mode: m } as Reentry))}
          style={{ flex: 2 }}
        />
        {graph.reentry.mode === 'once_per_days' ? (
          <NumberInput
            label="Days"
            min={1}
            max={365}
            allowDecimal={false}
            value={graph.reentry.days}
            onChange={(n) => setReentry({ mode: 'once_per_days', days: typeof n === 'number' ? n : 1 })}
            style={{ flex: 1 }}
          />
        ) : null}
      </Group>
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          Exit events
        </Text>
        <Text size="xs" c="dimmed">
          A later event of one of these types ends the run wherever it is (a Review Created ends a review reminder).
        </Text>
        {exits.map((e, i) => (
          <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
            <Select
              label={`Exit event ${i + 1}`}
              data={[...eventTypes]}
              value={e.event_type || null}
              searchable
              allowDeselect={false}
              onChange={(event_type) =>
                event_type && onChange({ ...graph, exit_events: exits.map((x, k) => (k === i ? { ...x, event_type } : x)) })
              }
              style={{ flex: 1.4 }}
            />
            <Autocomplete
              label="Same (optional)"
              data={triggerProperties.filter((p) => propertiesOf(e.event_type).includes(p))}
              value={e.match_property ?? ''}
              onChange={(p) =>
                onChange({
                  ...graph,
                  exit_events: exits.map((x, k) => (k === i ? (p.trim() ? { ...x, match_property: p } : { event_type: x.event_type }) : x)),
                })
              }
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove exit event ${i + 1}`}
              onClick={() => onChange({ ...graph, exit_events: exits.filter((_, k) => k !== i) })}
              mb={4}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="light"
            size="xs"
            onClick={() => onChange({ ...graph, exit_events: [...exits, { event_type: eventTypes[0] ?? '' }] })}
          >
            Add exit event
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
