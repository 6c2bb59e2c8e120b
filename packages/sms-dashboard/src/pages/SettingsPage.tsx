import { Button, Card, Code, DataList, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { FormAlert, LocaleFields, useDashboard, useLoad, useSession, useSubmit } from '@rapport/dashboard-ui';
import type { ShopSettingsView, UpdateShopSettingsBody } from '@rapport/sms/schemas';
import { useState } from 'react';
import type { Shop } from '../shop.js';

const FIELDS = ['name', 'time_zone', 'currency'] as const;

/** Settings: what the shop sends with, its HELP reply and quiet hours; its name, time zone and currency. */
export function SettingsPage() {
  const { api } = useDashboard();
  const loaded = useLoad(() => api.get<ShopSettingsView>('/api/dashboard/settings'), [api]);
  if (loaded.error) return <Text c="red">{loaded.error.message}</Text>;
  if (!loaded.data) return null;
  return <Settings key={loaded.data.shop.id} settings={loaded.data} onSaved={(next) => loaded.update(() => next)} />;
}

function Settings({ settings, onSaved }: { settings: ShopSettingsView; onSaved: (s: ShopSettingsView) => void }) {
  const { api } = useDashboard();
  const { refresh } = useSession<Shop>();
  const [name, setName] = useState(settings.shop.name);
  const [timeZone, setTimeZone] = useState(settings.shop.time_zone);
  const [currency, setCurrency] = useState(settings.shop.currency);
  const [saved, setSaved] = useState(false);
  const form = useSubmit(FIELDS);
  const save = form.handle(async () => {
    const body: UpdateShopSettingsBody = { name, time_zone: timeZone, currency };
    onSaved(await api.request<ShopSettingsView>('PATCH', '/api/dashboard/settings', body));
    await refresh();
    setSaved(true);
  });
  const sending = settings.sending;
  return (
    <Stack gap="lg" maw={880}>
      <Title order={1} size="h2">
        Settings
      </Title>

      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="shop-settings">
        <Title order={2} size="h4" id="shop-settings" mb="sm">
          Shop
        </Title>
        <form onSubmit={save} noValidate>
          <Stack gap="md" maw={480}>
            <TextInput
              label="Shop name"
              required
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                form.clear('name');
                setSaved(false);
              }}
              error={form.errors.fields.name}
            />
            <LocaleFields
              timeZone={timeZone}
              onTimeZone={(z) => {
                setTimeZone(z);
                setSaved(false);
              }}
              currency={currency}
              onCurrency={(c) => {
                setCurrency(c);
                setSaved(false);
              }}
              errors={form.errors.fields}
              clear={form.clear}
            />
            <FormAlert messages={form.errors.form} />
            <Group gap="sm">
              <Button type="submit" loading={form.submitting}>
                Save settings
              </Button>
              {saved ? (
                <Text size="sm" c="teal" role="status">
                  Saved
                </Text>
              ) : null}
            </Group>
          </Stack>
        </form>
      </Card>

      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="sending-settings">
        <Title order={2} size="h4" id="sending-settings" mb="sm">
          Sending
        </Title>
        <DataList labelWidth={160}>
          <DataList.Item>
            <DataList.ItemLabel>Provider</DataList.ItemLabel>
            <DataList.ItemValue>
              {sending.provider === 'dev' ? 'Dev carrier (texts stay on this machine: /dev/phone)' : 'Twilio'}
            </DataList.ItemValue>
          </DataList.Item>
          <DataList.Item>
            <DataList.ItemLabel>Sending number</DataList.ItemLabel>
            <DataList.ItemValue>
              {sending.from_number ? (
                <Code>{sending.from_number}</Code>
              ) : sending.messaging_service ? (
                `Messaging Service ${sending.messaging_service}`
              ) : (
                '—'
              )}
            </DataList.ItemValue>
          </DataList.Item>
        </DataList>
        <Text size="sm" c="dimmed" mt="sm">
          Set for the whole install by the operator (SMS_PROVIDER, TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID): every shop here sends from
          it.
        </Text>
      </Card>

      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="help-settings">
        <Title order={2} size="h4" id="help-settings" mb="sm">
          HELP reply
        </Title>
        <Text size="sm" mb="xs">
          What a subscriber who texts HELP or INFO gets back:
        </Text>
        <Text size="sm" bg="gray.0" p="sm" style={{ borderRadius: 8 }}>
          {settings.help_text}
        </Text>
      </Card>

      <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="quiet-hours">
        <Title order={2} size="h4" id="quiet-hours" mb="sm">
          Quiet hours
        </Title>
        <Text size="sm" mb="sm">
          {settings.quiet_hours.applies_to}
        </Text>
        <Table withTableBorder maw={520} aria-labelledby="quiet-hours">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Where the recipient is</Table.Th>
              <Table.Th>Texts may go out (local time)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {settings.quiet_hours.rules.map((r) => (
              <Table.Tr key={r.region}>
                <Table.Td>{r.region}</Table.Td>
                <Table.Td>{r.window}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
    </Stack>
  );
}
