import type { DeliveryState } from './pages/settings/sync-log.js';

/**
 * The paths of one store's API routes (tested in test/store-api.test.ts). The reviews platform names the
 * store in the path, `/api/stores/<store_id>/…`; each id is percent-encoded, as it came from the server.
 */
export function storeApi(storeId: string) {
  const base = `/api/stores/${encodeURIComponent(storeId)}`;
  const postscript = `${base}/integrations/postscript`;
  const sequence = (sequenceId: string) => `${base}/sequences/${encodeURIComponent(sequenceId)}`;
  return {
    postscript,
    postscriptHealth: `${postscript}/health`,
    profileBackfill: `${postscript}/backfill`,
    smsDelays: `${postscript}/sms-delays`,
    postscriptLog(query: { state?: DeliveryState | undefined; limit: number }): string {
      const params = new URLSearchParams({ ...(query.state ? { state: query.state } : {}), limit: String(query.limit) });
      return `${postscript}/log?${params.toString()}`;
    },
    replay: (deliveryId: string) => `${postscript}/log/${encodeURIComponent(deliveryId)}/replay`,
    sequences: `${base}/sequences`,
    sequence,
    startSequence: (sequenceId: string) => `${sequence(sequenceId)}/start`,
    stopSequence: (sequenceId: string) => `${sequence(sequenceId)}/stop`,
    reviews: (query: string) => `${base}/reviews?${query}`,
    review: (reviewId: string) => `${base}/reviews/${encodeURIComponent(reviewId)}`,
    orders: (limit: number) => `${base}/orders?limit=${limit}`,
    order: (orderId: string) => `${base}/orders/${encodeURIComponent(orderId)}`,
    customers(query: { search: string; limit: number }): string {
      const params = new URLSearchParams({ ...(query.search.trim() ? { search: query.search.trim() } : {}), limit: String(query.limit) });
      return `${base}/customers?${params.toString()}`;
    },
    customer: (customerId: string) => `${base}/customers/${encodeURIComponent(customerId)}`,
    stats: (days: number) => `${base}/stats?days=${days}`,
    shopify: `${base}/shopify`,
  };
}

export type StoreApi = ReturnType<typeof storeApi>;
