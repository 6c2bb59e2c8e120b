import { Group, Paper, Stack, Text } from '@mantine/core';
import type { SequenceView } from '@rapport/reviews/schemas';
import type { ReactNode } from 'react';
import { PencilIcon } from '../../icons/PencilIcon.js';
import classes from './SequenceFlow.module.css';
import { waitSummary } from './wait-summary.js';

function StepLabel({ children }: { children: ReactNode }) {
  return (
    <Text size="xs" tt="uppercase" fw={700} c="dimmed" lts={0.4}>
      {children}
    </Text>
  );
}

function Step({ first = false, children }: { first?: boolean; children: ReactNode }) {
  return (
    <li>
      {first ? null : <div className={classes.connector} aria-hidden="true" />}
      {children}
    </li>
  );
}

/**
 * The sequence as a vertical flow: the trigger, the Wait (a button that opens its side panel, as the seed's
 * "Select the Wait component"), then the call to Postscript that fires the merchant's automation. Under the
 * Wait, `waitNote`: the seed's double-wait caution.
 */
export function SequenceFlow({ sequence, onEditWait, waitNote }: { sequence: SequenceView; onEditWait: () => void; waitNote?: ReactNode }) {
  return (
    <Stack component="ol" aria-label="Steps" gap={0} m={0} p={0} maw={480} w="100%" style={{ listStyle: 'none' }}>
      <Step first>
        <Paper withBorder radius="md" p="md">
          <StepLabel>Trigger</StepLabel>
          <Text fw={600}>Order fulfilled or delivered</Text>
        </Paper>
      </Step>
      <Step>
        <Paper
          component="button"
          type="button"
          withBorder
          radius="md"
          p="md"
          className={classes.editable}
          aria-label="Wait"
          aria-describedby="wait-summary"
          onClick={onEditWait}
        >
          <Group justify="space-between" wrap="nowrap" gap="sm">
            <div>
              <StepLabel>Wait</StepLabel>
              <Text fw={600} id="wait-summary">
                {waitSummary(sequence.wait_days, sequence.after)}
              </Text>
            </div>
            <Text c="dimmed" component="span" display="flex">
              <PencilIcon size={16} />
            </Text>
          </Group>
        </Paper>
        {waitNote ? <div className={classes['note']}>{waitNote}</div> : null}
      </Step>
      <Step>
        <Paper withBorder radius="md" p="md">
          <StepLabel>Send to Postscript</StepLabel>
          <Text fw={600}>Okendo Review Request</Text>
          <Text size="xs" c="dimmed" mt={2}>
            The trigger your Postscript automation starts from; it texts subscribers who opted in.
          </Text>
        </Paper>
      </Step>
    </Stack>
  );
}
