import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerS: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
}

const summary = (r: autocannon.Result): LoadResult => ({
  requestsPerS: Math.round(r.requests.average),
  p50: r.latency.p50,
  p99: r.latency.p99,
  ok: r['2xx'],
  non2xx: r.non2xx,
  errors: r.errors + r.timeouts,
});

let run = 0;

/**
 * POST /api/v2/events for `seconds` from `connections` keep-alive connections: single events (`perRequest`
 * 1) or the batch extension with `perRequest` events a request. Every event has its own external_id and
 * the phone of a subscribed subscriber, so each is resolved, stored and processed.
 */
export async function eventsLoad(args: {
  port: number;
  privateKey?: string;
  phone?: string;
  seconds: number;
  connections: number;
  perRequest?: number;
  overallRate?: number;
}): Promise<LoadResult> {
  let n = 0;
  const tag = `${process.pid}-${++run}`;
  const per = args.perRequest ?? 1;
  const event = () => ({
    type: 'Review Created',
    phone: args.phone ?? '+12125550100',
    external_id: `bench-${tag}-${n++}`,
    properties: { Rating: 5, 'Review Title': 'Great', 'Product Name': 'Linen Shirt' },
  });
  const result = await autocannon({
    url: `http://127.0.0.1:${args.port}`,
    connections: args.connections,
    duration: args.seconds,
    ...(args.overallRate ? { overallRate: args.overallRate } : {}),
    requests: [
      {
        method: 'POST',
        path: per === 1 ? '/api/v2/events' : '/api/v2/events/batch',
        headers: { 'content-type': 'application/json', ...(args.privateKey ? { authorization: `Bearer ${args.privateKey}` } : {}) },
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify(per === 1 ? event() : { events: Array.from({ length: per }, event) }),
        }),
      },
    ],
  });
  return summary(result);
}

/** POST requests built by `body(n)` to `path`, at a steady overall rate. */
export async function steadyLoad(args: {
  port: number;
  privateKey: string;
  path: (n: number) => string;
  body: (n: number) => unknown;
  seconds: number;
  rate: number;
  connections: number;
}): Promise<LoadResult> {
  let n = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${args.port}`,
    connections: args.connections,
    duration: args.seconds,
    overallRate: args.rate,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${args.privateKey}` },
        setupRequest: (req) => {
          const i = n++;
          return { ...req, path: args.path(i), body: JSON.stringify(args.body(i)) };
        },
      },
    ],
  });
  return summary(result);
}
