import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useAction, useDashboard, useLoad } from '@rapport/dashboard-ui';
import type { BackfillView } from '@rapport/reviews/schemas';
import { useEffect } from 'react';
import type { StoreApi } from '../../store-api.js';

/** While a backfill runs the tile reads its progress this often. */
const POLL_MS = 2000;

/**
 * The connect-time backfill of Okendo profile properties on the Postscript tile: customers settled of total
 * as a bar, what became of them in words (synced, not subscribers, failed), and "Sync all profiles again"
 * once it is done (only what Postscript lacks is sent).
 */
export function ProfileBackfill({ paths }: { paths: StoreApi }) {
  const { api } = useDashboard();
  const progress = useLoad(() => api.get<BackfillView>(paths.profileBackfill), [api, paths]);
  const restart = useAction();
  const b = progress.data?.backfill;
  const finished = b?.finished ?? true;
  useEffect(() => {
    if (finished) return;
    const timer = setTimeout(progress.reload, POLL_MS);
    return () => clearTimeout(timer);
  }, [finished, progress]);
  if (!b) return null;
  const percent = b.total === 0 ? 100 : Math.round((b.settled / b.total) * 100);
  return (
    <Stack gap={6} aria-labelledby="backfill-heading">
      <Text size="sm" fw={600} id="backfill-heading">
        Profile sync of existing customers
      </Text>
      <Progress value={percent} aria-label={`Profile sync ${percent}%`} animated={!b.finished} />
      <Text size="xs" c="dimmed">
        {b.finished ? 'Done' : 'Running'}: {b.settled} of {b.total} customers · {b.patches.delivered} synced · {b.patches.not_subscribers}{' '}
        not subscribers (skipped, none created) · {b.up_to_date} already up to date
        {b.patches.failed > 0 ? ` · ${b.patches.failed} failed (see the log)` : ''}
      </Text>
      {b.finished ? (
        <Group>
          <Button
            size="xs"
            variant="default"
            loading={restart.pending}
            onClick={() =>
              restart.run(async () => {
                await api.post<BackfillView>(paths.profileBackfill, {});
                progress.reload();
              })
            }
          >
            Sync all profiles again
          </Button>
          {restart.error ? (
            <Text size="xs" c="red">
              {restart.error}
            </Text>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}
