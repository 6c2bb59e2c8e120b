import { Stack, Switch, Text } from '@mantine/core';
import { apiPath, useAction, useDashboard } from '@rapport/dashboard-ui';
import type { AutomationView } from '@rapport/sms/schemas';

/**
 * The seed's last step: "select the Enabled toggle so it changes to blue". Named "Enabled: <automation>",
 * so each row's toggle can be told apart (and "Enabled" still finds it).
 */
export function EnabledSwitch({ automation, onChanged }: { automation: AutomationView; onChanged: (a: AutomationView) => void }) {
  const { api } = useDashboard();
  const toggle = useAction();
  return (
    <Stack gap={2}>
      <Switch
        color="blue"
        // Mantine puts the invisible input under the track; above it, a click on the toggle lands on the
        // input itself (what a test or an assistive tool clicks), and it still looks the same.
        styles={{ input: { zIndex: 1, cursor: 'pointer' } }}
        aria-label={`Enabled: ${automation.name}`}
        checked={automation.enabled}
        disabled={toggle.pending}
        onChange={(e) => {
          const enabled = e.currentTarget.checked;
          toggle.run(async () =>
            onChanged(await api.request<AutomationView>('PATCH', apiPath`/api/automations/${automation.id}`, { enabled })),
          );
        }}
      />
      {toggle.error ? (
        <Text size="xs" c="red" role="alert">
          {toggle.error}
        </Text>
      ) : null}
    </Stack>
  );
}
