import { HttpError } from '@rapport/kit';

/**
 * Domain errors. Each is an HttpError (kit's error handler maps it once to a 4xx naming the field), and each
 * has its own class and a plain message so the CLI can print it as is.
 */

export class UnknownShopError extends HttpError {
  constructor(readonly shopId: string) {
    super(404, 'not_found', `Unknown shop "${shopId}"`, ['shop_id']);
    this.name = 'UnknownShopError';
  }
}

export class UnknownTriggerError extends HttpError {
  constructor(
    readonly trigger: string,
    readonly shopId: string,
    loc: (string | number)[] = ['body', 'trigger'],
  ) {
    super(
      422,
      'unknown_trigger',
      `Unknown trigger "${trigger}" for shop ${shopId}: a partner (e.g. the reviews platform's Postscript integration) must register it first with POST /v1/triggers`,
      loc,
    );
    this.name = 'UnknownTriggerError';
  }
}

export class NotFoundError extends HttpError {
  constructor(what: string, id: string, loc: (string | number)[]) {
    super(404, 'not_found', `No ${what} ${id}`, loc);
    this.name = 'NotFoundError';
  }
}

export class ApiKeyNotFoundError extends NotFoundError {
  constructor(keyId: string) {
    super('API key', keyId, ['key_id']);
    this.name = 'ApiKeyNotFoundError';
  }
}

export class KeyRevealError extends HttpError {
  constructor(message: string) {
    super(409, 'key_unavailable', message);
    this.name = 'KeyRevealError';
  }
}

export class IdempotencyMismatchError extends HttpError {
  constructor() {
    super(
      422,
      'idempotency_key_reused',
      'This Idempotency-Key was already used with a different request; use a new key for a new request',
      ['header', 'idempotency-key'],
    );
    this.name = 'IdempotencyMismatchError';
  }
}
