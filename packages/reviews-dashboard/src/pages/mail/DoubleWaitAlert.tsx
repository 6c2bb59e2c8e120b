import { Alert } from '@mantine/core';
import { useDashboard, useLoad } from '@rapport/dashboard-ui';
import type { SmsDelaysView } from '@rapport/reviews/schemas';
import type { StoreApi } from '../../store-api.js';
import { doubleWaitCaution } from './double-wait.js';

/** The double-wait caution for the Wait as it stands (or as it is being typed in the side panel). */
export function DoubleWaitAlert({ paths, waitDays, after }: { paths: StoreApi; waitDays: number; after: 'fulfillment' | 'delivery' }) {
  const { api } = useDashboard();
  const { data, loading } = useLoad(() => api.get<SmsDelaysView>(paths.smsDelays), [api, paths]);
  if (loading && !data) return null;
  const caution = doubleWaitCaution(waitDays, after, data);
  const title = { warning: 'The customer would wait twice', caution: 'Waiting twice', fine: 'One wait' }[caution.tone];
  return (
    <Alert
      radius="md"
      styles={{ title: { marginBottom: 2 } }}
      p="sm"
      color={caution.tone === 'warning' ? 'orange' : caution.tone === 'fine' ? 'teal' : 'gray'}
      variant="light"
      title={title}
    >
      {caution.text}
    </Alert>
  );
}
