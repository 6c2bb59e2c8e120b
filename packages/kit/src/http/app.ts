import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyBaseLogger,
  type RawServerDefault,
  type RawRequestDefaultExpression,
  type RawReplyDefaultExpression,
} from 'fastify';
import type { Logger } from '../log.js';
import { HttpError, type ErrorItem } from './errors.js';
import { validatorCompiler } from './validation.js';

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
  bodyLimit?: number;
  /**
   * A JSON Schema document both published at `GET {path}` and merged (its `$defs`) into the OpenAPI
   * components shown at /docs — the integration contract's catalog, so every event type and profile
   * property is documented on both services before the first event is ever sent.
   */
  publishedSchema?: { path: string; summary: string; document: { $defs?: Record<string, unknown>; title?: string } };
}

/**
 * The one way every Rapport service builds its Fastify instance: TypeBox schemas give validation,
 * TypeScript types and the OpenAPI document at `/docs` from one definition; every error leaves
 * through one handler that maps it to a 4xx naming the field, or a logged 500.
 */
export async function createHttpApp(options: HttpAppOptions): Promise<HttpApp> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    // Per-request access logs would dominate the log at ingest rates; errors are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Bodies are checked as sent (no coercion, unknown fields are errors); query/params are converted.
  app.setValidatorCompiler(validatorCompiler);

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

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).headers(error.headers).send(error.toBody());
    }
    const fe = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
    if (fe.validation) {
      return reply.code(400).send({ errors: fe.validation.map((v) => fromAjv(v, fe.validationContext ?? 'body')) });
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe instanceof SyntaxError) {
      return reply.code(400).send(errorBody(['body'], `Body is not valid JSON: ${fe.message}`, 'json_invalid'));
    }
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      return reply.code(400).send(errorBody(['body'], 'Body is empty but Content-Type is application/json', 'json_invalid'));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.code(fe.statusCode).send(errorBody([], fe.message, fe.code ?? 'client_error'));
    }
    request.log.error({ err: error, url: request.url }, 'unhandled error');
    return reply.code(500).send(errorBody([], 'Internal server error', 'internal_error'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send(errorBody([], `No route ${request.method} ${request.url.split('?')[0]}`, 'not_found'));
  });

  return app;
}

interface AjvError {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

function errorBody(loc: (string | number)[], msg: string, type: string): { errors: ErrorItem[] } {
  return { errors: [{ loc, msg, type }] };
}

/** Turns an ajv error into `{loc: ['body','properties','Rating'], msg: "'Rating' must be number"}`. */
function fromAjv(v: AjvError, context: string): ErrorItem {
  const path = v.instancePath
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const loc: (string | number)[] = [context, ...path];
  const missing = v.params['missingProperty'];
  const extra = v.params['additionalProperty'];
  if (typeof missing === 'string') return { loc: [...loc, missing], msg: `${[...path, missing].join('.')} is required`, type: 'missing' };
  if (typeof extra === 'string')
    return { loc: [...loc, extra], msg: `${[...path, extra].join('.')} is not an allowed field`, type: 'extra_forbidden' };
  const field = path.length > 0 ? path.join('.') : context;
  return { loc, msg: `${field} ${v.message ?? 'is invalid'}`, type: v.keyword };
}
