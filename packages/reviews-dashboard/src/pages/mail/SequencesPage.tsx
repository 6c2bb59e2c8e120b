import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { FormAlert, useAction, useDashboard, useLoad } from '@rapport/dashboard-ui';
import type { CreateSequenceBody, SequenceView } from '@rapport/reviews/schemas';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { storeApi } from '../../store-api.js';
import { useStore } from '../../store.js';
import { PostscriptNotice } from './PostscriptNotice.js';
import { SequencesTable } from './SequencesTable.js';

/** What Get Started creates: a draft that waits the seed's usual 3 days after fulfillment, edited before it starts. */
const NEW_SEQUENCE: CreateSequenceBody = { wait_days: 3, after: 'fulfillment' };

/**
 * Mail → Sequences: the store's sequences, then (the seed: "Scroll down to the integration section and
 * select Postscript. Then, select Get Started.") the integrations a new sequence can send to.
 */
export function SequencesPage() {
  const { api } = useDashboard();
  const store = useStore();
  const navigate = useNavigate();
  const paths = useMemo(() => storeApi(store.id), [store.id]);
  const sequences = useLoad(() => api.get<{ sequences: SequenceView[] }>(paths.sequences).then((r) => r.sequences), [api, paths]);
  const create = useAction();
  const getStarted = () =>
    create.run(async () => {
      const created = await api.post<SequenceView>(paths.sequences, NEW_SEQUENCE);
      await navigate(`/mail/sequences/${encodeURIComponent(created.sequence_id)}`);
    });

  return (
    <Stack gap="xl" maw={1040}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={1} size="h2">
            Sequences
          </Title>
          <Text size="sm" c="dimmed">
            A sequence asks for a review once an order is fulfilled or delivered, after the wait you choose.
          </Text>
        </Stack>
        {sequences.error ? (
          <Alert color="red" role="alert" variant="light">
            {sequences.error.message}
          </Alert>
        ) : null}
        {sequences.data?.length === 0 ? (
          <Card withBorder padding="lg" radius="md">
            <Text size="sm" c="dimmed">
              No sequences yet. Start one from an integration below.
            </Text>
          </Card>
        ) : null}
        {sequences.data && sequences.data.length > 0 ? <SequencesTable sequences={sequences.data} timeZone={store.time_zone} /> : null}
      </Stack>

      <Stack gap="sm" component="section" aria-labelledby="sequence-integrations-heading">
        <Title order={2} size="h4" id="sequence-integrations-heading">
          Integrations
        </Title>
        <PostscriptNotice paths={paths} />
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Card withBorder padding="lg" radius="md" component="article" aria-labelledby="sequence-postscript-heading">
            <Stack gap="sm" h="100%">
              <Title order={3} size="h5" id="sequence-postscript-heading">
                Postscript
              </Title>
              <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
                Sends each fulfilled or delivered order to Postscript, whose automation texts the review request to subscribers who opted
                in.
              </Text>
              <FormAlert messages={create.error ? [create.error] : []} />
              <Group>
                <Button onClick={getStarted} loading={create.pending}>
                  Get Started
                </Button>
              </Group>
            </Stack>
          </Card>
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
