import { Anchor, Card, Group, Stack, Text } from '@mantine/core';
import type { AutomationView } from '@rapport/sms/schemas';
import { Link } from 'react-router';
import { EnabledSwitch } from './EnabledSwitch.js';

/** One automation on a phone: the table's columns stacked, with the Enabled toggle beside the name. */
export function AutomationCard({ automation: a, onChanged }: { automation: AutomationView; onChanged: (a: AutomationView) => void }) {
  return (
    <Card withBorder padding="md" radius="md" component="li">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/automations/${encodeURIComponent(a.id)}`} fw={500}>
            {a.name}
          </Anchor>
          <EnabledSwitch automation={a} onChanged={onChanged} />
        </Group>
        <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {a.messages[0]?.body}
        </Text>
        <Text size="xs" c="dimmed">
          {a.trigger.name} · {a.messages.length === 1 ? '1 message' : `${a.messages.length} messages`} ·{' '}
          {a.texts_sent === 1 ? '1 text sent' : `${a.texts_sent} texts sent`}
        </Text>
      </Stack>
    </Card>
  );
}
