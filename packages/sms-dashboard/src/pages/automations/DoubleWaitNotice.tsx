import { Alert, Text } from '@mantine/core';
import { doubleWait, type DeclaredWait } from './double-wait.js';

/** Above the messages: the wait the trigger already carries, and a warning once a delay is added on top. */
export function DoubleWaitNotice({ wait, firstDelayMinutes }: { wait: DeclaredWait | null | undefined; firstDelayMinutes: number }) {
  const notice = doubleWait(wait, firstDelayMinutes);
  if (!notice) return null;
  return (
    <Alert
      color={notice.warning ? 'orange' : 'blue'}
      variant="light"
      title={notice.warning ? 'The customer would wait twice' : 'Okendo already waits'}
      role={notice.warning ? 'alert' : undefined}
    >
      <Text size="sm">{notice.info}</Text>
      {notice.warning ? (
        <Text size="sm" mt={4}>
          {notice.warning}
        </Text>
      ) : null}
    </Alert>
  );
}
