import { Autocomplete, Button, Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { PROFILE_PROPERTIES } from '@rapport/contract';
import type { FlowNode } from '@rapport/sms/schemas';
import { partsLine } from '../automations/message-check.js';
import type { Previews } from '../automations/use-previews.js';
import { DurationFields } from './DurationFields.js';
import { PropertyConditions } from './PropertyConditions.js';
import { SubscriberConditions } from './SubscriberConditions.js';

interface Props {
  node: FlowNode;
  onChange: (node: FlowNode) => void;
  /** The trigger event's properties (tags), for splits and matches. */
  triggerProperties: readonly string[];
  /** Every event type the shop knows, for a wait for an event. */
  eventTypes: readonly string[];
  /** The properties of an event type. */
  propertiesOf: (eventType: string) => readonly string[];
  previews: Previews;
  /** The server's last word on the time (the flow's updated_at): a new date step starts a day after it. */
  now: string;
}

const DATE_PROPERTIES = PROFILE_PROPERTIES.filter((p) => p.type === 'date').map((p) => p.name);

/** The form of one step: what it sends, how long it waits, what it splits on. */
export function StepEditor({ node, onChange, triggerProperties, eventTypes, propertiesOf, previews, now }: Props) {
  switch (node.type) {
    case 'message': {
      const preview = previews.of(node.body);
      return (
        <Stack gap="xs">
          <Textarea
            label="Message"
            description="Tags: {first_name|there}, the event's properties such as {Product Name}, Okendo profile properties"
            autosize
            minRows={3}
            value={node.body}
            onChange={(e) => onChange({ ...node, body: e.currentTarget.value })}
          />
          {preview ? (
            <Stack gap={2} aria-label="Preview">
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {preview.rendered}
              </Text>
              <Text size="xs" c="dimmed">
                {partsLine(preview)}
              </Text>
              {preview.errors.map((e) => (
                <Text key={e.msg} size="xs" c="red">
                  {e.msg}
                </Text>
              ))}
            </Stack>
          ) : null}
          <TextInput
            label="Image URL (makes it an MMS)"
            placeholder="https://…"
            value={node.media_url ?? ''}
            onChange={(e) => {
              const url = e.currentTarget.value.trim();
              const { media_url: _old, ...rest } = node;
              onChange(url ? { ...rest, media_url: url } : rest);
            }}
          />
        </Stack>
      );
    }
    case 'delay':
      return <DurationFields label="Wait" value={node.duration} onChange={(duration) => onChange({ ...node, duration })} />;
    case 'delay_until': {
      const u = node.until;
      const mode = 'time_of_day' in u ? 'time' : 'date' in u ? 'date' : 'property';
      return (
        <Stack gap="xs">
          <SegmentedControl
            aria-label="Wait until"
            value={mode}
            data={[
              { value: 'time', label: 'A time of day' },
              { value: 'property', label: 'A date property' },
              { value: 'date', label: 'A date' },
            ]}
            onChange={(m) =>
              onChange({
                ...node,
                until:
                  m === 'time'
                    ? { time_of_day: '10:00' }
                    : m === 'date'
                      ? { date: new Date(Date.parse(now) + 86_400_000).toISOString() }
                      : { date_property: DATE_PROPERTIES[0] ?? '', source: 'subscriber', offset_days: 0 },
              })
            }
          />
          {'time_of_day' in u ? (
            <TextInput
              label="Time of day (the recipient's time zone)"
              placeholder="HH:MM"
              value={u.time_of_day}
              onChange={(e) => onChange({ ...node, until: { time_of_day: e.currentTarget.value } })}
            />
          ) : null}
          {'date' in u ? (
            <TextInput
              label="Date and time (UTC, ISO 8601)"
              value={u.date}
              onChange={(e) => onChange({ ...node, until: { date: e.currentTarget.value } })}
            />
          ) : null}
          {'date_property' in u ? (
            <>
              <Select
                label="From"
                data={[
                  { value: 'subscriber', label: 'The subscriber' },
                  { value: 'event', label: 'The triggering event' },
                ]}
                value={u.source}
                allowDeselect={false}
                onChange={(source) => source && onChange({ ...node, until: { ...u, source: source as 'event' | 'subscriber' } })}
              />
              <Autocomplete
                label="Date property"
                data={u.source === 'subscriber' ? DATE_PROPERTIES : [...triggerProperties]}
                value={u.date_property}
                onChange={(date_property) => onChange({ ...node, until: { ...u, date_property } })}
              />
              <NumberInput
                label="Offset in days (−7: a week before)"
                value={u.offset_days ?? 0}
                allowDecimal={false}
                min={-365}
                max={365}
                onChange={(n) => onChange({ ...node, until: { ...u, offset_days: typeof n === 'number' ? n : 0 } })}
              />
            </>
          ) : null}
        </Stack>
      );
    }
    case 'trigger_split':
      return (
        <PropertyConditions
          label="Conditions"
          required
          conditions={node.conditions}
          properties={triggerProperties}
          onChange={(conditions) => onChange({ ...node, conditions })}
        />
      );
    case 'conditional_split':
      return (
        <SubscriberConditions
          label="Conditions"
          required
          conditions={node.conditions}
          onChange={(conditions) => onChange({ ...node, conditions })}
        />
      );
    case 'wait_for_event':
      return (
        <Stack gap="xs">
          <Select
            label="Event"
            data={[...eventTypes]}
            value={node.event_type || null}
            searchable
            allowDeselect={false}
            onChange={(event_type) => event_type && onChange({ ...node, event_type })}
          />
          <Autocomplete
            label="Only the one with the same (optional)"
            description="A property the triggering event and the awaited one share, e.g. Review Request Id"
            data={[...triggerProperties]}
            value={node.match_property ?? ''}
            onChange={(p) => {
              const { match_property: _old, ...rest } = node;
              onChange(p.trim() ? { ...rest, match_property: p } : rest);
            }}
          />
          <DurationFields label="Wait at most" value={node.max_wait} onChange={(max_wait) => onChange({ ...node, max_wait })} />
          <PropertyConditions
            label="Event filters"
            conditions={node.filters ?? []}
            properties={propertiesOf(node.event_type)}
            onChange={(filters) => onChange({ ...node, filters })}
          />
        </Stack>
      );
    case 'random_split':
      return (
        <Stack gap="xs">
          {node.branches.map((b, i) => (
            <NumberInput
              key={i}
              label={`Branch ${i + 1} (%)`}
              min={1}
              max={100}
              allowDecimal={false}
              value={b.percent}
              onChange={(n) =>
                onChange({
                  ...node,
                  branches: node.branches.map((x, k) => (k === i ? { ...x, percent: typeof n === 'number' ? n : 0 } : x)),
                })
              }
            />
          ))}
          <Text size="xs" c={node.branches.reduce((s, b) => s + b.percent, 0) === 100 ? 'dimmed' : 'red'}>
            Adds up to {node.branches.reduce((s, b) => s + b.percent, 0)} % (must be 100)
          </Text>
          <Group gap="xs">
            <Button
              size="xs"
              variant="light"
              disabled={node.branches.length >= 5}
              onClick={() => onChange({ ...node, branches: [...node.branches, { percent: 10, next: null }] })}
            >
              Add branch
            </Button>
            <Button
              size="xs"
              variant="subtle"
              disabled={node.branches.length <= 2}
              onClick={() => onChange({ ...node, branches: node.branches.slice(0, -1) })}
            >
              Remove last branch
            </Button>
          </Group>
        </Stack>
      );
    case 'tag':
      return (
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <Select
            label="Action"
            data={[
              { value: 'add', label: 'Add tag' },
              { value: 'remove', label: 'Remove tag' },
            ]}
            value={node.action}
            allowDeselect={false}
            onChange={(a) => a && onChange({ ...node, action: a as 'add' | 'remove' })}
          />
          <TextInput label="Tag" value={node.tag} onChange={(e) => onChange({ ...node, tag: e.currentTarget.value })} />
        </Group>
      );
    case 'exit':
      return (
        <Text size="sm" c="dimmed">
          The run ends here.
        </Text>
      );
  }
}
