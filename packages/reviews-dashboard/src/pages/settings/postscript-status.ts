/** The Postscript tile's badge (pure, tested in test/postscript-status.test.ts). */
import type { IntegrationView } from '@rapport/reviews/schemas';

export interface StatusBadge {
  label: string;
  color: string;
}

/**
 * Not connected, connected, or needs attention: the last when Postscript refused the saved key while
 * delivering (it was revoked or rotated), so the merchant must paste a new one.
 */
export function postscriptStatus(view: Pick<IntegrationView, 'connected' | 'status'>): StatusBadge {
  if (!view.connected) return { label: 'Not connected', color: 'gray' };
  if (view.status === 'needs_attention') return { label: 'Needs attention', color: 'orange' };
  return { label: 'Connected', color: 'green' };
}
