import { Anchor, Badge, Card, Group, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDashboard, useLoad, usePhoneLayout, useSession } from '@rapport/dashboard-ui';
import { zonedTime } from '@rapport/dashboard-ui/zoned-time';
import type { OutboxEntryView, OutboxPageView } from '@rapport/sms/schemas';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Shop } from '../../shop.js';
import { messageState, stateColor, stateLabel } from './why.js';

const PAGE_SIZE = 25;
const STATES = [
  { value: '', label: 'All texts' },
  { value: 'held', label: 'Held for quiet hours' },
  { value: 'queued', label: 'Queued' },
  { value: 'dispatching', label: 'Sending' },
  { value: 'sent', label: 'Sent' },
  { value: 'failed', label: 'Failed' },
  { value: 'suppressed', label: 'Not sent (suppressed)' },
];

const PURPOSES: Record<string, string> = {
  automation: 'Automation',
  doi_prompt: 'Opt-in prompt',
  doi_confirmation: 'Opt-in confirmation',
  opt_out_confirmation: 'Opt-out confirmation',
  help: 'HELP reply',
};

/** Messaging → Messages: the outbox, newest first, each text with its state and why it waits or was not sent. */
export function MessagesPage() {
  const { api } = useDashboard();
  const { tenant: shop } = useSession<Shop>();
  const [state, setState] = useState('');
  const [page, setPage] = useState(1);
  const query = new URLSearchParams({ ...(state ? { state } : {}), page: String(page), page_size: String(PAGE_SIZE) }).toString();
  const { data, error } = useLoad(() => api.get<OutboxPageView>(`/api/outbox?${query}`), [api, query]);
  const zone = shop?.time_zone ?? 'UTC';
  const phone = usePhoneLayout();
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        Messages
      </Title>
      <Text size="sm" c="dimmed">
        Every text of the shop, newest first: what it says, to whom, and what became of it — held texts wait for the recipient’s quiet hours
        to end and are never dropped; a text that was not sent says why.
      </Text>
      <Group align="end">
        <Select
          label="Show"
          data={STATES}
          value={state}
          onChange={(v) => {
            setState(v ?? '');
            setPage(1);
          }}
          allowDeselect={false}
          w={260}
        />
      </Group>
      {error && <Text c="red">{error.message}</Text>}
      {data && (
        <>
          <Text size="sm" c="dimmed">
            {data.total === 1 ? '1 text' : `${data.total} texts`}
          </Text>
          {phone ? <MessageCards messages={data.messages} zone={zone} /> : <MessageTable messages={data.messages} zone={zone} />}
          {data.messages.length === 0 && <Text c="dimmed">No text here.</Text>}
          {pages > 1 && (
            <Pagination
              total={pages}
              value={page}
              onChange={setPage}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
            />
          )}
        </>
      )}
    </Stack>
  );
}

interface ListProps {
  messages: OutboxEntryView[];
  zone: string;
}

/** Who sent it: the automation (a link to it), or what kind of compliance text it is. */
function Source({ m }: { m: OutboxEntryView }) {
  return m.automation ? (
    <Anchor component={Link} to={`/automations/${encodeURIComponent(m.automation.id)}`} size="sm">
      {m.automation.name}
    </Anchor>
  ) : (
    <Text size="sm">{PURPOSES[m.purpose] ?? m.purpose}</Text>
  );
}

function MessageTable({ messages, zone }: ListProps) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped verticalSpacing="sm" aria-label="Messages">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>To</Table.Th>
            <Table.Th>Text</Table.Th>
            <Table.Th>From</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Why</Table.Th>
            <Table.Th>Queued</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {messages.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                {m.subscriber_id ? (
                  <Anchor component={Link} to={`/subscribers/${encodeURIComponent(m.subscriber_id)}`}>
                    {m.to}
                  </Anchor>
                ) : (
                  m.to
                )}
              </Table.Td>
              <Table.Td maw={360}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {m.body}
                </Text>
                <Text size="xs" c="dimmed">
                  {m.segments === 1 ? '1 part' : `${m.segments} parts`} · {m.encoding}
                  {m.clicks > 0 ? ` · ${m.clicks} ${m.clicks === 1 ? 'click' : 'clicks'}` : ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Source m={m} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge color={stateColor(m.state)} variant="light">
                  {stateLabel(m.state)}
                </Badge>
              </Table.Td>
              <Table.Td maw={280}>
                <Text size="sm">{messageState({ ...m, status: m.state }, zone)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{zonedTime(m.created_at, zone)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone: one card per text, its state and why first. */
function MessageCards({ messages, zone }: ListProps) {
  return (
    <Stack gap="sm" aria-label="Messages">
      {messages.map((m) => (
        <Card key={m.id} withBorder padding="sm" radius="md" component="article" aria-label={`Text to ${m.to}`}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text fw={600} size="sm">
              {m.to}
            </Text>
            <Badge color={stateColor(m.state)} variant="light">
              {stateLabel(m.state)}
            </Badge>
          </Group>
          <Text size="sm" mt={4}>
            {messageState({ ...m, status: m.state }, zone)}
          </Text>
          <Text size="sm" c="dimmed" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {m.body}
          </Text>
          <Group justify="space-between" mt={4}>
            <Source m={m} />
            <Text size="xs" c="dimmed">
              {zonedTime(m.created_at, zone)}
            </Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
