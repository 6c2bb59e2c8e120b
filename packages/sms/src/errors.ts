import { Conflict, Invalid, NotFound, Unprocessable, type ErrorItem, type Loc } from '@rapport/kit';
import type { FlowProblem } from './flows/validate-graph.js';

/**
 * The SMS platform's domain errors: kit's kinds (Invalid, NotFound, Conflict, Unprocessable) with a plain
 * message, so the CLI can print them as they are and `api/errors.ts` maps them to HTTP once.
 */

export class UnknownShopError extends NotFound {
  constructor(readonly shopId: string) {
    super(`Unknown shop "${shopId}"`, ['shop_id']);
  }
}

export class UnknownTriggerError extends Unprocessable {
  constructor(
    readonly trigger: string,
    readonly shopId: string,
    loc: Loc = ['body', 'trigger'],
  ) {
    super(
      `Unknown trigger "${trigger}" for shop ${shopId}: neither a partner trigger (a partner such as the reviews platform's Postscript integration registers one with POST /v1/triggers) nor an event type (the Okendo catalog's, or one the shop has sent); GET /api/automation-triggers lists them`,
      loc,
      'unknown_trigger',
    );
  }
}

export class NotFoundError extends NotFound {
  constructor(what: string, id: string, loc: Loc) {
    super(`No ${what} ${id}`, loc);
  }
}

export class ApiKeyNotFoundError extends NotFoundError {
  constructor(keyId: string) {
    super('API key', keyId, ['key_id']);
  }
}

export class KeyRevealError extends Conflict {
  constructor(message: string) {
    super(message, [], 'key_unavailable');
  }
}

export class IdempotencyMismatchError extends Unprocessable {
  constructor() {
    super(
      'This Idempotency-Key was already used with a different request; use a new key for a new request',
      ['header', 'idempotency-key'],
      'idempotency_key_reused',
    );
  }
}

/** Publishing refused: every problem of the draft, each naming its node and field (a 422). */
export class FlowProblemsError extends Unprocessable {
  constructor(readonly problems: readonly FlowProblem[]) {
    super(
      `The flow cannot be published: ${problems.map((p) => p.msg).join('; ')}`,
      ['body', 'graph', ...(problems[0]?.loc ?? [])],
      'invalid_flow',
    );
  }
  /** Each problem located in the request, as the error items of the answer. */
  items(prefix: Loc = ['body', 'graph']) {
    return this.problems.map((p) => ({ loc: [...prefix, ...p.loc], msg: p.msg, type: 'invalid_flow' }));
  }
}

/** A flow file (`rapport sms import-flow`) that is not a flow: every field at fault, each located in the file. */
export class FlowFileInvalidError extends Invalid {
  constructor(readonly problems: readonly ErrorItem[]) {
    super(
      `The flow file is not a valid flow: ${problems.map((p) => `${p.loc.join('.')}: ${p.msg}`).join('; ')}`,
      problems[0]?.loc ?? [],
      'invalid_flow_file',
    );
  }
}
