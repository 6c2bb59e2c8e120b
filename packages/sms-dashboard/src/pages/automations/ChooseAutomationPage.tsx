import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { Link, useNavigate } from 'react-router';

/**
 * Create Legacy Automation's first choice. "Since you are creating this automation from scratch, select
 * Custom Automation" (the seed): the one way offered, a card that is a button named "Custom Automation"
 * (described by its line of text), which opens the first step.
 */
export function ChooseAutomationPage() {
  const navigate = useNavigate();
  const titleId = useId();
  const descriptionId = useId();
  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to="/automations" size="sm">
        ← Automations
      </Anchor>
      <Stack gap={4}>
        <Title order={1} size="h2">
          Create Legacy Automation
        </Title>
        <Text size="sm" c="dimmed">
          A legacy automation sends one or more texts, each after a wait you choose, when its trigger fires.
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        <Card
          component="button"
          type="button"
          onClick={() => void navigate('/automations/new/custom')}
          ta="left"
          style={{ cursor: 'pointer' }}
          withBorder
          padding="lg"
          radius="md"
          aria-labelledby={titleId}
          aria-describedby={descriptionId}
        >
          <Text component="span" display="block" fw={600} id={titleId}>
            Custom Automation
          </Text>
          <Text component="span" display="block" size="sm" c="dimmed" mt={4} id={descriptionId}>
            Start from scratch: pick the trigger, then write the messages.
          </Text>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
