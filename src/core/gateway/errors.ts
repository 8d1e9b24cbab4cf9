// The one error type every GatewayAPI call throws (besides AbortError), and how it reads to a user.
import type { GatewayErrorInit, GatewayErrorKind } from './types';
import type { GatewayMessage } from '../../shared/i18n/messages';

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
  /** kind 'country' (0x0217): the refused destination, ISO 3166 alpha-2 upper-case; else null. */
  readonly country: string | null;
  /** What to tell the user, as a code; `message` stays the English wording for logs. */
  readonly text: GatewayMessage;

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
    this.text = init.text ?? { code: 'gw_unexpected', detail: init.message };
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
      country: this.country,
      text: this.text,
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

/** An error that carries no HTTP answer (network, timeout, local checks): the fields a reply would fill are empty. */
export function withoutAnswer(
  kind: GatewayErrorKind,
  message: string,
  cause: string | null,
  extra: { variables?: string[]; offline?: boolean; text?: GatewayMessage } = {},
): GatewayError {
  return new GatewayError({
    kind,
    message,
    httpStatus: null,
    code: null,
    variables: extra.variables ?? [],
    body: null,
    retryAfterMs: null,
    cause,
    offline: extra.offline ?? false,
    text: extra.text,
  });
}

/** A local refusal: the request was never sent. */
export function localRejection(message: string, variables: string[] = []): GatewayError {
  return withoutAnswer('rejected', message, 'LOCAL_VALIDATION', {
    variables,
    text: { code: 'gw_local_rejection', reason: 'invalid_request', detail: message },
  });
}

const REDACTED = '[redacted]';
/** A piece of the token this long is scrubbed wherever it appears (a token cut by truncation). */
export const MIN_SECRET_PIECE = 8;

/**
 * Replaces the token, and every run of 8+ characters that also occurs in the token, with
 * "[redacted]". A run of 8+ shared characters is exactly a run whose every 8-character window is
 * a window of the token, so marking the windows found marks the whole run.
 */
export function scrubSecret(text: string, secret: string | null): string {
  if (!secret || secret.length < 4 || text === '') return text;
  if (secret.length < MIN_SECRET_PIECE) return text.split(secret).join(REDACTED);
  const windows = new Set<string>();
  for (let i = 0; i + MIN_SECRET_PIECE <= secret.length; i++) windows.add(secret.slice(i, i + MIN_SECRET_PIECE));
  let marked: Uint8Array | null = null;
  for (let i = 0; i + MIN_SECRET_PIECE <= text.length; i++) {
    if (!windows.has(text.slice(i, i + MIN_SECRET_PIECE))) continue;
    marked ??= new Uint8Array(text.length);
    marked.fill(1, i, i + MIN_SECRET_PIECE);
  }
  if (marked === null) return text;
  let out = '';
  for (let i = 0; i < text.length;) {
    if (marked[i] === 0) {
      out += text[i++];
      continue;
    }
    out += REDACTED;
    while (i < text.length && marked[i] === 1) i++;
  }
  return out;
}

/**
 * Returns the error with the token, and any 8+-character piece of it, removed from every text it
 * carries (message, body, code, cause, variables, incident id, country, stack). A proxy or a
 * misbehaving server could echo request headers into any of them; the token must not reach a log.
 */
export function redactSecret(err: GatewayError, secret: string | null): GatewayError {
  if (!secret || secret.length < 4) return err;
  const s = (t: string) => scrubSecret(t, secret);
  const sn = (t: string | null) => (t === null ? null : s(t));
  const clean = new GatewayError({
    kind: err.kind,
    message: s(err.message),
    httpStatus: err.httpStatus,
    code: sn(err.code),
    variables: err.variables.map(s),
    body: sn(err.body),
    retryAfterMs: err.retryAfterMs,
    cause: sn(err.cause),
    incidentUuid: sn(err.incidentUuid),
    offline: err.offline,
    country: sn(err.country),
    text: JSON.parse(s(JSON.stringify(err.text))) as GatewayMessage,
  });
  const same =
    clean.message === err.message &&
    clean.code === err.code &&
    clean.body === err.body &&
    clean.cause === err.cause &&
    clean.incidentUuid === err.incidentUuid &&
    clean.country === err.country &&
    JSON.stringify(clean.text) === JSON.stringify(err.text) &&
    clean.variables.every((v, i) => v === err.variables[i]) &&
    (err.stack === undefined || s(err.stack) === err.stack);
  if (same) return err;
  clean.stack = err.stack === undefined ? clean.stack : s(err.stack);
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
