import { AccordionChevron, Alert, Anchor, Button, Card, Group, Menu, Stack, Table, Text, Title } from '@mantine/core';
import { useDashboard, useLoad, usePhoneLayout } from '@rapport/dashboard-ui';
import type { AutomationView } from '@rapport/sms/schemas';
import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { FlowsSection } from '../flows/FlowsSection.js';
import { AutomationCard } from './AutomationCard.js';
import { EnabledSwitch } from './EnabledSwitch.js';

/** What the editor hands the list on leaving: the automation just saved, to say it is still off. */
export interface SavedState {
  saved?: { id: string; name: string };
}

/** Messaging → Automations: the shop's legacy automations, each with its Enabled toggle, then its automation flows. */
export function AutomationsPage() {
  const { api } = useDashboard();
  const navigate = useNavigate();
  const saved = (useLocation().state as SavedState | null)?.saved;
  const [dismissed, setDismissed] = useState(false);
  const phone = usePhoneLayout();
  const list = useLoad(() => api.get<{ automations: AutomationView[] }>('/api/automations').then((r) => r.automations), [api]);
  const replace = (a: AutomationView) => list.update((all) => all.map((x) => (x.id === a.id ? a : x)));
  const savedRow = saved ? list.data?.find((a) => a.id === saved.id) : undefined;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} maw={640}>
          <Title order={1} size="h2">
            Automations
          </Title>
          <Text size="sm" c="dimmed">
            Texts sent when a trigger fires or an event arrives: Okendo Review Request after an order is fulfilled, Review Created when a
            customer writes a review.
          </Text>
        </Stack>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button rightSection={<AccordionChevron aria-hidden />}>Create Automation</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => void navigate('/automations/new/flow')}>Create Automation Flow</Menu.Item>
            <Menu.Item onClick={() => void navigate('/automations/new')}>Create Legacy Automation</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>

      {savedRow && !savedRow.enabled && !dismissed ? (
        <Alert color="blue" variant="light" withCloseButton onClose={() => setDismissed(true)} closeButtonLabel="Dismiss">
          “{savedRow.name}” is saved. It sends nothing until you select its Enabled toggle.
        </Alert>
      ) : null}
      {list.error ? (
        <Alert color="red" role="alert" variant="light">
          {list.error.message}
        </Alert>
      ) : null}
      {list.data?.length === 0 ? (
        <Card withBorder padding="lg">
          <Text c="dimmed">No automations yet. Select Create Automation to text subscribers when a trigger fires or an event arrives.</Text>
        </Card>
      ) : null}
      {list.data && list.data.length > 0 && phone ? (
        <Stack component="ul" gap="sm" p={0} m={0} aria-label="Automations" style={{ listStyle: 'none' }}>
          {list.data.map((a) => (
            <AutomationCard key={a.id} automation={a} onChanged={replace} />
          ))}
        </Stack>
      ) : null}
      {list.data && list.data.length > 0 && !phone ? (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" aria-label="Automations">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Trigger</Table.Th>
                <Table.Th>Message</Table.Th>
                <Table.Th ta="right">Texts sent</Table.Th>
                <Table.Th>Enabled</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/automations/${encodeURIComponent(a.id)}`} fw={500}>
                      {a.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{a.trigger.name}</Table.Td>
                  <Table.Td maw={360}>
                    <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                      {a.messages[0]?.body}
                    </Text>
                    {a.messages.length > 1 ? (
                      <Text size="xs" c="dimmed">
                        and {a.messages.length - 1} more {a.messages.length === 2 ? 'message' : 'messages'}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">{a.texts_sent}</Table.Td>
                  <Table.Td>
                    <EnabledSwitch automation={a} onChanged={replace} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <FlowsSection />
    </Stack>
  );
}
