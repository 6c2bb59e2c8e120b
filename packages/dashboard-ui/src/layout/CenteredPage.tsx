import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDashboard } from '../dashboard-config.js';

/** The frame of the screens outside the app shell (login, setup link, onboarding): the product, a heading, one card. */
export function CenteredPage({ heading, intro, children }: { heading: string; intro?: ReactNode; children: ReactNode }) {
  const { title } = useDashboard();
  return (
    <Container size={440} px="md" py={48}>
      <Stack gap="lg">
        <Text component="p" fw={700} size="lg" ta="center" c="var(--mantine-primary-color-filled)" m={0}>
          {title}
        </Text>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="md">
            <Title order={1} size="h2">
              {heading}
            </Title>
            {intro ? (
              <Text c="dimmed" size="sm">
                {intro}
              </Text>
            ) : null}
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Container>
  );
}
