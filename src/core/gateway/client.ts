// The GatewayAPI client: one method per endpoint the app uses. Plain HTTP through an injected fetch
// (Electron's net.fetch in the app, Node's fetch in the CLI and tests); no Electron here.
import { validateBaseUrl } from './baseUrl';
import { classifyHttpError } from './classifyHttp';
import type { HttpMethod } from './classifyTransport';
import { GatewayError, localRejection, redactSecret, withoutAnswer } from './errors';
import { gatewayId, parseAccount, parseJson, parsePriceList, parseSendResponse, parseStatusResponse } from './responses';
import { buildSendBody } from './sendBody';
import { exchange, type RawResponse } from './transport';
import {
  describeBytes,
  MAX_PRICES_ANSWER_BYTES,
  MAX_SEND_ANSWER_BYTES,
  MAX_SMALL_ANSWER_BYTES,
  MAX_STATUS_ANSWER_BYTES,
} from './answerLimits';
import type { Account, CancelResult, PriceList, SendRequest, SendResponse, StatusResponse } from './types';
import type { FetchFn } from '../types';
import type { GatewayMessage } from '../../shared/i18n/messages';

export type TokenSource = string | (() => Promise<string | null>);

export interface GatewayClientOptions {
  /** https://gatewayapi.com, https://gatewayapi.eu, or a validated custom URL (see validateBaseUrl). */
  baseUrl: string;
  token: TokenSource;
  fetch: FetchFn;
  /** Per call, including reading the answer. Default 30 s for POST, 15 s for GET/DELETE. */
  timeoutMs?: number;
  userAgent?: string;
}

const POST_TIMEOUT_MS = 30_000;
const GET_TIMEOUT_MS = 15_000;

// A header value with a line break or non-Latin-1 character makes fetch throw before sending;
// caught here it reads as a token problem, not as a mysterious network failure.
const HEADER_SAFE = /^[\x21-\x7e]+$/;

function authError(message: string, cause: string, problem: 'missing' | 'unreadable' | 'malformed'): GatewayError {
  return withoutAnswer('auth', message, cause, { text: { code: 'gw_token_unusable', problem } });
}

type Unreadable = Extract<GatewayMessage, { code: 'gw_unreadable_answer' }>['what'];

function unreadableAnswer(method: HttpMethod, status: number, what: string, why: Unreadable): GatewayError {
  const post = method === 'POST';
  return new GatewayError({
    kind: post ? 'ambiguous' : 'transient',
    message: post
      ? `GatewayAPI answered HTTP ${status} but ${what}. The messages were probably accepted, but their ids are unknown: check the messages marked uncertain before resending.`
      : `GatewayAPI answered HTTP ${status} but ${what}. Retrying later.`,
    httpStatus: status,
    code: null,
    variables: [],
    body: null,
    retryAfterMs: null,
    cause: 'BAD_RESPONSE',
    text: { code: 'gw_unreadable_answer', status, post, what: why },
  });
}

/** GET and DELETE change nothing twice: a 5xx there is simply "try again later". */
function asRetryable(e: GatewayError): GatewayError {
  if (e.kind !== 'ambiguous') return e;
  const label = e.code ? `HTTP ${e.httpStatus}, ${e.code}` : `HTTP ${e.httpStatus}`;
  return new GatewayError({
    ...e.toJSON(),
    kind: 'transient',
    message:
      e.httpStatus === 408
        ? `The request to GatewayAPI timed out on the way (${label}). Retrying later.`
        : `GatewayAPI answered with a server error (${label}). Retrying later.`,
  });
}

function checkId(id: number): void {
  if (gatewayId(id) === null) throw localRejection(`Not a GatewayAPI message id: ${String(id)}.`);
}

export class GatewayClient {
  private readonly baseUrl: string;
  private readonly tokenSource: TokenSource;
  private readonly fetchFn: FetchFn;
  private readonly timeoutMs: number | undefined;
  private readonly userAgent: string | undefined;

  constructor(opts: GatewayClientOptions) {
    const check = validateBaseUrl(opts.baseUrl);
    // A bad URL is a settings problem, not a failed batch: refuse to build the client at all.
    if (!check.ok) throw new Error(check.message);
    this.baseUrl = check.url;
    this.tokenSource = opts.token;
    this.fetchFn = opts.fetch;
    this.timeoutMs = opts.timeoutMs;
    const ua = opts.userAgent?.trim();
    this.userAgent = ua && /^[\x20-\x7e]+$/.test(ua) ? ua : undefined;
  }

  /**
   * POST /rest/mtsms. Resolves on 200 (accepted for processing, not yet sent).
   * Note for callers: aborting the signal while the request is in flight rejects with an
   * AbortError, yet GatewayAPI may already have accepted it: treat that like 'ambiguous'.
   */
  async send(req: SendRequest, signal?: AbortSignal): Promise<SendResponse> {
    return (await this.prepareSend(req))(signal);
  }

  /**
   * Reads the token and builds the body now; the returned function only writes the request. The
   * sender commits `in_flight` in between, so a locked keychain or a bad number fails the claim,
   * never a batch the user must then call uncertain.
   */
  async prepareSend(req: SendRequest): Promise<(signal?: AbortSignal) => Promise<SendResponse>> {
    const body = buildSendBody(req);
    const token = await this.readToken();
    const expected = { messages: 1, recipients: req.recipients.length };
    return (signal) => this.postSend(body, token, expected, signal);
  }

  private postSend(
    body: string,
    token: string,
    expected: { messages: number; recipients: number },
    signal?: AbortSignal,
  ): Promise<SendResponse> {
    return this.call('POST', '/rest/mtsms', { auth: true, token, body, signal, maxBytes: MAX_SEND_ANSWER_BYTES }, (raw) => {
      if (raw.status < 200 || raw.status > 299) return null;
      const parsed = parseSendResponse(parseJson(raw.text), expected);
      if (!parsed) throw unreadableAnswer('POST', raw.status, 'without valid message ids (one positive id per message)', 'ids');
      return parsed;
    });
  }

  /** GET /rest/mtsms/{id}. null = 404, which GatewayAPI answers until the message is in long-term storage. */
  async status(id: number, signal?: AbortSignal): Promise<StatusResponse | null> {
    checkId(id);
    return this.call('GET', `/rest/mtsms/${id}`, { auth: true, signal, maxBytes: MAX_STATUS_ANSWER_BYTES }, (raw) => {
      if (raw.status === 404) return { value: null };
      if (raw.status < 200 || raw.status > 299) return null;
      const parsed = parseStatusResponse(parseJson(raw.text), id);
      if (!parsed) throw unreadableAnswer('GET', raw.status, 'the delivery status could not be read', 'status');
      return { value: parsed };
    }).then((r) => r.value);
  }

  /** GET /rest/me: the account's credit (which may arrive as a string). */
  async account(signal?: AbortSignal): Promise<Account> {
    return this.call('GET', '/rest/me', { auth: true, signal, maxBytes: MAX_SMALL_ANSWER_BYTES }, (raw) => {
      if (raw.status < 200 || raw.status > 299) return null;
      const parsed = parseAccount(parseJson(raw.text));
      if (!parsed) throw unreadableAnswer('GET', raw.status, 'the account credit could not be read', 'credit');
      return parsed;
    });
  }

  /** GET /api/prices/list/sms/json: public, so no token is sent. */
  async prices(signal?: AbortSignal): Promise<PriceList> {
    return this.call('GET', '/api/prices/list/sms/json', { auth: false, signal, maxBytes: MAX_PRICES_ANSWER_BYTES }, (raw) => {
      if (raw.status < 200 || raw.status > 299) return null;
      const parsed = parsePriceList(parseJson(raw.text));
      if (!parsed) throw unreadableAnswer('GET', raw.status, 'the price list could not be read', 'prices');
      return parsed;
    });
  }

  /** DELETE /rest/mtsms/{id}: cancel a message scheduled with sendtime. */
  async cancel(id: number, signal?: AbortSignal): Promise<CancelResult> {
    checkId(id);
    return this.call(
      'DELETE',
      `/rest/mtsms/${id}`,
      { auth: true, signal, maxBytes: MAX_SMALL_ANSWER_BYTES },
      (raw): CancelResult | null => {
        if (raw.status === 204 || raw.status === 200) return 'deleted';
        if (raw.status === 410) return 'already_sent';
        if (raw.status === 404) return 'not_found';
        return null;
      },
    );
  }

  /**
   * Runs one exchange. `onAnswer` turns a usable answer into a value, or returns null to let the
   * status be mapped as an error. Every error leaving here has the token scrubbed from it.
   */
  private async call<T>(
    method: HttpMethod,
    path: string,
    o: { auth: boolean; token?: string; body?: string; signal?: AbortSignal | undefined; maxBytes: number },
    onAnswer: (raw: RawResponse) => T | null,
  ): Promise<T> {
    let token: string | null = null;
    try {
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (o.auth) {
        token = o.token ?? (await this.readToken());
        headers.Authorization = `Token ${token}`;
      }
      if (o.body !== undefined) headers['Content-Type'] = 'application/json';
      if (this.userAgent) headers['User-Agent'] = this.userAgent;

      const raw = await exchange({
        fetch: this.fetchFn,
        url: this.baseUrl + path,
        method,
        headers,
        ...(o.body !== undefined ? { body: o.body } : {}),
        timeoutMs: this.timeoutMs ?? (method === 'POST' ? POST_TIMEOUT_MS : GET_TIMEOUT_MS),
        maxBytes: o.maxBytes,
        ...(o.signal ? { signal: o.signal } : {}),
      });

      const ok = raw.status >= 200 && raw.status <= 299;
      if (ok && raw.bodyError !== null) {
        throw unreadableAnswer(method, raw.status, 'the answer was cut off', 'cut_off');
      }
      // Accepted or not, an answer that big is not GatewayAPI's: for a POST, the batch may have been
      // accepted (uncertain); a GET is retried later.
      if (ok && raw.tooLarge) {
        throw unreadableAnswer(
          method,
          raw.status,
          `its answer was larger than ${describeBytes(o.maxBytes)}, so it was not read`,
          'too_large',
        );
      }
      const value = onAnswer(raw);
      if (value !== null) return value;
      const err = classifyHttpError(raw.status, raw.bodyError === null ? raw.text : '', raw.headers);
      throw method === 'POST' ? err : asRetryable(err);
    } catch (e) {
      if (e instanceof GatewayError) throw redactSecret(e, token);
      throw e;
    }
  }

  private async readToken(): Promise<string> {
    let token: string | null;
    if (typeof this.tokenSource === 'string') {
      token = this.tokenSource;
    } else {
      try {
        token = await this.tokenSource();
      } catch (e) {
        // The keychain's message, not the token: the read failed, so there is no token to leak.
        const why = e instanceof Error && e.message ? `: ${e.message.slice(0, 200)}` : '';
        throw authError(
          `Could not read the GatewayAPI token${why}. Unlock the keychain or enter the token in Settings.`,
          'TOKEN_UNAVAILABLE',
          'unreadable',
        );
      }
    }
    token = token?.trim() ?? '';
    if (token === '') throw authError('No GatewayAPI token is set. Enter an API token in Settings.', 'NO_TOKEN', 'missing');
    if (!HEADER_SAFE.test(token)) {
      throw authError(
        'The saved GatewayAPI token contains spaces or characters a token cannot have. Enter the API token again in Settings.',
        'TOKEN_MALFORMED',
        'malformed',
      );
    }
    return token;
  }
}
