import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyBaseLogger,
  type FastifyRequest,
  type RawServerDefault,
  type RawRequestDefaultExpression,
  type RawReplyDefaultExpression,
} from 'fastify';
import type { Logger } from '../log.js';
import { HttpError, type ErrorItem } from './errors.js';
import { errorBody, familyOf, type FamilyPrefix } from './families.js';
import { LIMITS, nestingDepth, unboundedParts } from './limits.js';
import { RequestInvalid, validatorCompiler } from './validation.js';

export type HttpApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

export interface HttpAppOptions {
  title: string;
  description: string;
  logger: Logger;
  /** Extra OpenAPI security schemes (e.g. the SMS platform's Bearer private key). */
  securitySchemes?: Record<string, unknown>;
  /** Default body size of a route (LIMITS.bodyBytes unless given); a route may declare its own `bodyLimit`. */
  bodyLimit?: number;
  /**
   * A JSON Schema document both published at `GET {path}` and merged (its `$defs`) into the OpenAPI
   * components shown at /docs — the integration contract's catalog, so every event type and profile
   * property is documented on both services before the first event is ever sent.
   */
  publishedSchema?: { path: string; summary: string; document: { $defs?: Record<string, unknown>; title?: string } };
  /** Which API family answers under which path prefix (the rest: Rapport's own shape). See families.ts. */
  errorFamilies?: readonly FamilyPrefix[];
  /** The service's one mapping of its domain errors to HTTP (its `api/errors.ts`); undefined = not a domain error. */
  mapError?: (err: unknown) => HttpError | undefined;
  /**
   * Sent as `Rapport-Service` on every response ("sms", "reviews"): tells a client (the reviews platform's
   * connector) that it is talking to Rapport rather than to real Postscript.
   */
  service: string;
}

export const SERVICE_HEADER = 'rapport-service';

/**
 * The one way every Rapport service builds its Fastify instance: TypeBox schemas give validation,
 * TypeScript types and the OpenAPI document at `/docs` from one definition; request limits are enforced
 * for every route (limits.ts); every error leaves through one handler that maps it to a 4xx naming the
 * field, in the route's API family's shape, or to a logged 500.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    // Per-request access logs would dominate the log at ingest rates; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? LIMITS.bodyBytes,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Bodies are checked as sent (no coercion, unknown fields are errors); query/params are converted.
  app.setValidatorCompiler(validatorCompiler);
  // A callback hook, not an async one: it runs on every request, and an async hook costs a promise each.
  app.addHook('onRequest', (_request, reply, done) => {
    reply.header(SERVICE_HEADER, options.service);
    done();
  });

  // JSON bodies are parsed by Fastify's own parser (prototype-poisoning safe), then refused past the depth limit.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parseJson(request, body as string, (err: Error | null, value?: unknown) => {
      if (err) return done(err, undefined);
      if (nestingDepth(value, LIMITS.nestingDepth + 1) > LIMITS.nestingDepth) {
        return done(
          new HttpError(400, 'too_deep', `body nests deeper than ${LIMITS.nestingDepth} levels, the most this API accepts`, ['body']),
          undefined,
        );
      }
      done(null, value);
    });
  });

  // Every array, string and map a route accepts must be bounded: refuse to register one that is not.
  app.addHook('onRoute', (route) => {
    const schema = route.schema as Record<string, unknown> | undefined;
    if (!schema) return;
    const loose = (['body', 'querystring', 'params'] as const).flatMap((part) =>
      unboundedParts(schema[part], part === 'querystring' ? 'query' : part),
    );
    if (loose.length > 0)
      throw new Error(`${route.method} ${route.url}: unbounded request fields: ${loose.join(', ')} (see kit http/limits.ts)`);
  });

  await app.register(swagger, {
    openapi: {
      info: { title: options.title, description: options.description, version: '0.1.0' },
      components: {
        securitySchemes: (options.securitySchemes ?? {}) as never,
        schemas: (options.publishedSchema?.document.$defs ?? {}) as never,
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  const published = options.publishedSchema;
  if (published) {
    app.get(published.path, { schema: { tags: ['contract'], summary: published.summary } }, async () => published.document);
  }

  const families = options.errorFamilies ?? [];
  const send = (request: FastifyRequest, status: number, items: ErrorItem[]) => errorBody(familyOf(request.url, families), status, items);

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    const mapped = error instanceof HttpError ? error : options.mapError?.(error);
    if (mapped)
      return reply
        .code(mapped.statusCode)
        .headers(mapped.headers)
        .send(send(request, mapped.statusCode, mapped.items));
    if (error instanceof RequestInvalid) return reply.code(400).send(send(request, 400, error.items));
    const fe = error as FastifyError;
    const item = (loc: (string | number)[], msg: string, type: string): ErrorItem[] => [{ loc, msg, type }];
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe instanceof SyntaxError) {
      return reply.code(400).send(send(request, 400, item(['body'], `Body is not valid JSON: ${fe.message}`, 'json_invalid')));
    }
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.code(400).send(send(request, 400, item(['body'], 'Body is empty but Content-Type is application/json', 'json_invalid')));
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      const limit = request.routeOptions.bodyLimit ?? options.bodyLimit ?? LIMITS.bodyBytes;
      return reply
        .code(413)
        .send(send(request, 413, item(['body'], `body is larger than ${limit} bytes, the most this route accepts`, 'body_too_large')));
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      const type = request.headers['content-type'] ?? 'none';
      return reply
        .code(415)
        .send(send(request, 415, item(['header', 'content-type'], `Content-Type ${type} is not accepted here`, 'unsupported_media_type')));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.code(fe.statusCode).send(send(request, fe.statusCode, item([], fe.message, fe.code ?? 'client_error')));
    }
    request.log.error({ err: error, url: request.url }, 'unhandled error');
    return reply.code(500).send(send(request, 500, item([], 'Internal server error', 'internal_error')));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    reply.code(404).send(send(request, 404, [{ loc: [], msg: `No route ${request.method} ${path}`, type: 'not_found' }]));
  });

  return app;
}
