import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { DeliveryHealth } from '@rapport/reviews/schemas';

const COUNTS: readonly { key: Exclude<keyof DeliveryHealth, 'skipped_not_subscriber'>; label: string; color?: string }[] = [
  { key: 'delivered', label: 'Delivered' },
  { key: 'failed', label: 'Failed', color: 'red' },
  { key: 'pending', label: 'Pending' },
  { key: 'skipped', label: 'Skipped' },
];

/**
 * The tile's sync health: calls to Postscript by outcome. Calls skipped because the customer is not an SMS
 * subscriber are said apart: that is by design (no subscriber is created for them), not a fault.
 */
export function SyncHealth({ health }: { health: DeliveryHealth }) {
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600} id="sync-health-heading">
        Sync health
      </Text>
      <SimpleGrid component="dl" cols={{ base: 2, xs: 4 }} spacing="xs" m={0} aria-labelledby="sync-health-heading">
        {COUNTS.map((c) => (
          <Paper key={c.key} withBorder radius="sm" px="sm" py={6}>
            <Text component="dt" size="xs" c="dimmed">
              {c.label}
            </Text>
            <Text component="dd" m={0} fw={700} size="lg" c={c.color && health[c.key] > 0 ? c.color : undefined}>
              {health[c.key]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        Skipped because the customer is not a subscriber: {health.skipped_not_subscriber}
      </Text>
    </Stack>
  );
}
