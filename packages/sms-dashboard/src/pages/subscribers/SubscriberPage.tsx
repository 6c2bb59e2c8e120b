import { Anchor, Badge, Card, Code, DataList, Group, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { apiPath, useDashboard, useLoad, useSession } from '@rapport/dashboard-ui';
import type { ConsentEventView, EventView, FlowRunView, MessageView, SubscriberView } from '@rapport/sms/schemas';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { Shop } from '../../shop.js';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';
import { FlowRunsTable } from '../flows/FlowRunsTable.js';
import { messageState } from '../messages/why.js';
import { propertyValue, sortedProperties, statusColor } from './format.js';

interface Profile {
  subscriber: SubscriberView;
  consent: ConsentEventView[];
  events: EventView[];
  messages: MessageView[];
  runs: FlowRunView[];
}

const CONSENT_WORDS: Record<ConsentEventView['action'], string> = {
  opt_in_requested: 'Asked to confirm (double opt-in text sent)',
  opted_in: 'Confirmed',
  opted_out: 'Opted out',
};

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** A subscriber's profile: fields, tags, custom properties (the Okendo ones when synced), consent, events, flow runs, texts. */
export function SubscriberPage() {
  const { id = '' } = useParams();
  const { api } = useDashboard();
  const { tenant: shop } = useSession<Shop>();
  const zone = shop?.time_zone ?? 'UTC';
  const { data, error } = useLoad<Profile>(async () => {
    const subscriber = await api.get<SubscriberView>(apiPath`/api/v2/subscribers/${id}`);
    const [consent, events, messages, runs] = await Promise.all([
      api.get<{ consent: ConsentEventView[] }>(apiPath`/api/subscribers/${id}/consent`),
      api.get<{ events: EventView[] }>(`/api/v2/events?subscriber_id=${encodeURIComponent(id)}`),
      api.get<{ messages: MessageView[] }>(`/api/messages?to=${encodeURIComponent(subscriber.phone_number)}`),
      api.get<{ runs: FlowRunView[] }>(apiPath`/api/subscribers/${id}/flow-runs`),
    ]);
    return { subscriber, consent: consent.consent, events: events.events, messages: messages.messages, runs: runs.runs };
  }, [api, id]);

  if (error) return <Text c="red">{error.message}</Text>;
  if (!data) return null;
  const s = data.subscriber;
  const name = [s.first_name, s.last_name].filter(Boolean).join(' ');
  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to="/subscribers" size="sm">
        ← Subscribers
      </Anchor>
      <Group gap="sm">
        <Title order={1} size="h2">
          {s.phone_number}
        </Title>
        <Badge color={statusColor(s.status)} variant="light">
          {s.status}
        </Badge>
      </Group>
      <Section title="Profile">
        <DataList labelWidth={160}>
          {(
            [
              ['Name', name || '—'],
              ['Email', s.email ?? '—'],
              ['Phone', s.phone_number],
              ['Origin', s.origin ?? '—'],
              ['Subscribed since', zonedTime(s.confirmed_at, zone)],
              ['Opted out', zonedTime(s.opted_out_at, zone)],
              ['ID', <Code key="id">{s.id}</Code>],
            ] as const
          ).map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue>{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
        <Group gap="xs" mt="sm">
          {s.tags.length === 0 ? (
            <Text size="sm" c="dimmed">
              No tags
            </Text>
          ) : (
            s.tags.map((t) => (
              <Badge key={t} variant="outline">
                {t}
              </Badge>
            ))
          )}
        </Group>
      </Section>
      <Section title="Properties">
        {Object.keys(s.properties).length === 0 ? (
          <Text size="sm" c="dimmed">
            No custom properties yet. The Okendo profile properties appear here once the reviews platform syncs them.
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {sortedProperties(s.properties).map(([key, value]) => (
                <Table.Tr key={key}>
                  <Table.Th w="40%">{key}</Table.Th>
                  <Table.Td>{propertyValue(value)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <Section title="Consent history">
        <Timeline bulletSize={14} lineWidth={2}>
          {data.consent.map((c) => (
            <Timeline.Item key={c.id} title={CONSENT_WORDS[c.action]}>
              <Text size="sm" c="dimmed">
                {zonedTime(c.created_at, zone)} · {c.source}
                {c.detail ? ` · “${c.detail}”` : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Section>
      <Section title="Events">
        {data.events.length === 0 ? (
          <Text size="sm" c="dimmed">
            No events yet.
          </Text>
        ) : (
          <Timeline bulletSize={14} lineWidth={2}>
            {data.events.map((e) => (
              <Timeline.Item key={e.id} title={e.type}>
                <Text size="sm" c="dimmed">
                  {zonedTime(e.occurred_at, zone)}
                </Text>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {Object.entries(e.properties)
                    .map(([k, v]) => `${k}: ${propertyValue(v)}`)
                    .join(' · ')}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Section>
      <Section title="Automation flows">
        <FlowRunsTable runs={data.runs} show="flow" />
      </Section>
      <Section title="Texts">
        {data.messages.length === 0 ? (
          <Text size="sm" c="dimmed">
            No texts yet.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Text</Table.Th>
                  <Table.Th>State</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...data.messages].reverse().map((m) => (
                  <Table.Tr key={m.id}>
                    <Table.Td>{zonedTime(m.sent_at ?? m.created_at, zone)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{m.body}</Table.Td>
                    <Table.Td>{messageState(m, zone)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
    </Stack>
  );
}
