// One HTTP exchange with a deadline: the injected fetch, our timeout, the caller's abort, and the
// response body read in full. Throws a GatewayError for network failures, an AbortError when the
// caller cancelled; HTTP statuses (any) are returned for the caller to map.
import { abortErrorFor } from './errors';
import { classifyTransportError, timeoutError, type HttpMethod } from './classifyTransport';
import type { FetchFn } from '../types';

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Set when headers arrived but reading the body failed (the server did answer). */
  bodyError: unknown;
  /** The answer was longer than maxBytes: reading stopped there (`text` is its beginning). */
  tooLarge: boolean;
}

export interface ExchangeOptions {
  fetch: FetchFn;
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Read at most this many bytes of the answer; beyond it the body stream is cancelled. */
  maxBytes: number;
  signal?: AbortSignal;
}

class DeadlinePassed extends Error {
  constructor() {
    super('GatewayAPI request deadline passed');
    this.name = 'TimeoutError';
  }
}

/** Rejects when the signal aborts: some fetch implementations stop honouring it once headers arrive. */
function untilAborted(signal: AbortSignal): { promise: Promise<never>; dispose: () => void } {
  let onAbort = () => {};
  const promise = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  promise.catch(() => {}); // observed via race only
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}

/** The host a request went to, named in the user's message when it cannot be reached. */
function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

export async function exchange(opts: ExchangeOptions): Promise<RawResponse> {
  const { signal: callerSignal, method } = opts;
  if (callerSignal?.aborted) throw abortErrorFor(callerSignal);

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DeadlinePassed());
  }, opts.timeoutMs);
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  const aborted = untilAborted(controller.signal);

  // Decides what a thrown error means now that we know who aborted.
  const fail = (err: unknown): never => {
    if (callerSignal?.aborted) throw abortErrorFor(callerSignal);
    if (timedOut) throw timeoutError(method, opts.timeoutMs);
    throw classifyTransportError(err, method, hostOf(opts.url));
  };

  try {
    let res: Response;
    try {
      // Never follow a redirect: a 307/308 would re-post the numbers, the text and the token anywhere.
      const init: RequestInit = { method, headers: opts.headers, signal: controller.signal, redirect: 'manual' };
      if (opts.body !== undefined) init.body = opts.body;
      res = await Promise.race([opts.fetch(opts.url, init), aborted.promise]);
    } catch (err) {
      return fail(err);
    }
    let text = '';
    let bodyError: unknown = null;
    let tooLarge = false;
    try {
      const read = await Promise.race([readCapped(res, opts.maxBytes), aborted.promise]);
      text = read.text;
      tooLarge = read.tooLarge;
      // Stop the transfer (and free the connection) instead of letting the rest stream in.
      if (tooLarge) controller.abort(new Error('GatewayAPI answer too large'));
    } catch (err) {
      if (callerSignal?.aborted) throw abortErrorFor(callerSignal);
      // A deadline or a broken connection while reading: the status line did arrive.
      bodyError = timedOut ? new DeadlinePassed() : err;
    }
    return { status: res.status, headers: res.headers, text, bodyError, tooLarge };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
    aborted.dispose();
  }
}

/**
 * The body as text, but never more than `maxBytes` of it: a wrong or hostile server answering with
 * hundreds of megabytes must not take the app's memory (a 300 MB answer once took 1.37 GB). A
 * Content-Length above the cap is refused before reading anything.
 */
async function readCapped(res: Response, maxBytes: number): Promise<{ text: string; tooLarge: boolean }> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    void res.body?.cancel().catch(() => {});
    return { text: '', tooLarge: true };
  }
  if (!res.body) return { text: await res.text(), tooLarge: false };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - size));
      void reader.cancel().catch(() => {});
      return { text: decode(chunks), tooLarge: true };
    }
    chunks.push(value);
    size += value.byteLength;
  }
  return { text: decode(chunks), tooLarge: false };
}

function decode(chunks: Uint8Array[]): string {
  return new TextDecoder().decode(Buffer.concat(chunks));
}
