// The one error type every GatewayAPI call throws (besides AbortError), and how it reads to a user.
import type { GatewayErrorInit, GatewayErrorKind } from './types';

export class GatewayError extends Error {
  readonly kind: GatewayErrorKind;
  readonly httpStatus: number | null;
  readonly code: string | null;
  readonly variables: string[];
  readonly body: string | null;
  readonly retryAfterMs: number | null;
  /** Low-level cause code (ECONNREFUSED, net::ERR_…, TIMEOUT); a string, never the raw error. */
  override readonly cause: string | null;
  readonly incidentUuid: string | null;
  /** No network at all (DNS, refused, disconnected, unreachable): wait for connectivity. */
  readonly offline: boolean;
  /** 'country' (403 0x0217): the refused destination, ISO 3166 alpha-2 upper-case, or null. */
  readonly country: string | null;

  constructor(init: GatewayErrorInit & { offline?: boolean }) {
    super(init.message);
    this.name = 'GatewayError';
    this.kind = init.kind;
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.variables = init.variables;
    this.body = init.body;
    this.retryAfterMs = init.retryAfterMs;
    this.cause = init.cause ?? null;
    this.incidentUuid = init.incidentUuid ?? null;
    this.offline = init.offline ?? false;
    this.country = init.country ?? null;
  }

  /** Plain data for logs, the attempt table and IPC (errors lose their fields when structured-cloned). */
  toJSON(): GatewayErrorInit & { name: string; offline: boolean } {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      httpStatus: this.httpStatus,
      code: this.code,
      variables: this.variables,
      body: this.body,
      retryAfterMs: this.retryAfterMs,
      cause: this.cause,
      incidentUuid: this.incidentUuid,
      offline: this.offline,
    };
  }
}

export function isGatewayError(e: unknown): e is GatewayError {
  return e instanceof GatewayError;
}

export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

/** What a call rejects with when the caller's signal aborted: an AbortError, never a GatewayError. */
export function abortErrorFor(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (isAbortError(reason) && reason instanceof Error) return reason;
  return new DOMException('The GatewayAPI call was cancelled.', 'AbortError');
}

/** A local refusal: the request was never sent. */
export function localRejection(message: string, variables: string[] = []): GatewayError {
  return new GatewayError({
    kind: 'rejected',
    message,
    httpStatus: null,
    code: null,
    variables,
    body: null,
    retryAfterMs: null,
    cause: 'LOCAL_VALIDATION',
  });
}

const REDACTED = '[redacted]';

function scrub(text: string, secret: string): string {
  return text.split(secret).join(REDACTED);
}

/**
 * Returns the error with every occurrence of the token removed from its text. A proxy or a
 * misbehaving server could echo request headers into a body; the token must not reach a log.
 */
export function redactSecret(err: GatewayError, secret: string | null): GatewayError {
  // Very short "tokens" would mangle ordinary text; real tokens are long.
  if (!secret || secret.length < 4) return err;
  const hit =
    err.message.includes(secret) ||
    (err.body?.includes(secret) ?? false) ||
    (err.cause?.includes(secret) ?? false) ||
    (err.incidentUuid?.includes(secret) ?? false) ||
    err.variables.some((v) => v.includes(secret));
  if (!hit) return err;
  const clean = new GatewayError({
    kind: err.kind,
    message: scrub(err.message, secret),
    httpStatus: err.httpStatus,
    code: err.code,
    variables: err.variables.map((v) => scrub(v, secret)),
    body: err.body === null ? null : scrub(err.body, secret),
    retryAfterMs: err.retryAfterMs,
    cause: err.cause === null ? null : scrub(err.cause, secret),
    incidentUuid: err.incidentUuid === null ? null : scrub(err.incidentUuid, secret),
    offline: err.offline,
  });
  if (err.stack) clean.stack = scrub(err.stack, secret);
  return clean;
}

/** One line for the UI and CLI: what happened and what to do. */
export function describeGatewayError(e: unknown): string {
  if (e instanceof GatewayError) {
    return e.incidentUuid ? `${e.message} (GatewayAPI incident ${e.incidentUuid})` : e.message;
  }
  if (isAbortError(e)) return 'Cancelled.';
  if (e instanceof Error && e.message) return e.message;
  return 'Unexpected error while talking to GatewayAPI.';
}
