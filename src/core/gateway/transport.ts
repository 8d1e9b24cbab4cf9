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
}

export interface ExchangeOptions {
  fetch: FetchFn;
  url: string;
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
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
    throw classifyTransportError(err, method);
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
    try {
      text = await Promise.race([res.text(), aborted.promise]);
    } catch (err) {
      if (callerSignal?.aborted) throw abortErrorFor(callerSignal);
      // A deadline or a broken connection while reading: the status line did arrive.
      bodyError = timedOut ? new DeadlinePassed() : err;
    }
    return { status: res.status, headers: res.headers, text, bodyError };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
    aborted.dispose();
  }
}
