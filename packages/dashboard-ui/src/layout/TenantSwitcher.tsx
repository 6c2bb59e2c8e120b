import { Button, Combobox, Menu, Text } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useDashboard } from '../dashboard-config.js';
import { ONBOARDING_PATH } from '../session/RequireSession.js';
import { useSession } from '../session/SessionProvider.js';

/** The header's tenant name, which opens the list of the user's tenants and the way to add one. */
export function TenantSwitcher() {
  const { tenantNoun } = useDashboard();
  const { session, tenant, selectTenant } = useSession();
  const navigate = useNavigate();
  if (!session || !tenant) return null;
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          rightSection={<Combobox.Chevron />}
          aria-label={`Switch ${tenantNoun}, current: ${tenant.name}`}
          maw={{ base: 170, xs: 280 }}
          styles={{ inner: { minWidth: 0 }, label: { minWidth: 0 } }}
        >
          <Text span inherit truncate="end">
            {tenant.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Your {tenantNoun}s</Menu.Label>
        {session.tenants.map((t) => (
          <Menu.Item
            key={t.id}
            onClick={() => selectTenant(t.id)}
            aria-current={t.id === tenant.id ? 'true' : undefined}
            rightSection={
              t.id === tenant.id ? (
                <Text size="xs" c="dimmed">
                  current
                </Text>
              ) : null
            }
          >
            {t.name}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item onClick={() => void navigate(ONBOARDING_PATH)}>Add a {tenantNoun}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
