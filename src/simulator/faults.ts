// Mutable fault switches a test flips on the running simulator. Each switch with a `count` affects
// that many requests and then removes itself; without a count it stays on until cleared.
//
// Order, for a request the faults apply to (POST /rest/mtsms, or every endpoint with
// applyTo 'all'): hang → redirect → proxyStatus → accountRefusal → echoToken → rateLimit →
// status5xx → dropOnReuse → dropBeforeAccept → (request processed) → dropAfterAccept → acceptedAnswer → latencyMs (the response is delayed after processing, so a client that times out
// during the delay leaves an accepted message behind: the "timeout after write" case).

export interface CountedFault {
  /** How many requests this fault affects before switching itself off; absent = stays on. */
  count?: number;
}

export interface Faults {
  /** 'send' (default): faults hit POST /rest/mtsms only; 'all': every endpoint. */
  applyTo?: 'send' | 'all';
  /** Answer with this status after reading the body. 503 never processes the request; for
   * 500/502/504, acceptBeforeFail decides whether the message was accepted (logged, charged)
   * first: the ambiguous case. */
  status5xx?: (CountedFault & { code: 500 | 502 | 503 | 504; acceptBeforeFail?: boolean }) | null;
  /** 429, with Retry-After when retryAfterSec is set; nothing processed. */
  rateLimit?: (CountedFault & { retryAfterSec?: number }) | null;
  /** Read the body, then destroy the socket: nothing accepted. */
  dropBeforeAccept?: CountedFault | null;
  /** Process the request (accept, log, charge), then destroy the socket without answering. */
  dropAfterAccept?: CountedFault | null;
  /** Delay every response by this many ms (real time, not the simulator clock). */
  latencyMs?: number;
  /** Read the body and never answer, nothing accepted (close() still ends such requests). */
  hang?: CountedFault | null;
  /** GET /rest/mtsms/{id}: once a message's final statuses were served, serve ENROUTE again for
   * every other recipient (even index). Always applies to status reads, whatever applyTo says.
   * count = number of status responses affected. */
  outOfOrder?: CountedFault | null;
  /** GET /rest/me returns credit as a JSON number (GatewayAPI sends a string, "123.45000"). */
  creditAsNumber?: boolean;
  /** POST /rest/mtsms answers 403 0x022A (account frozen). */
  frozen?: boolean;
  /** 0x0217 names the country by calling code ("1") instead of ISO code ("US"). */
  countryAsCallingCode?: boolean;
  /** A request on a kept-alive connection that already served one: read it, process it when
   * `accept`, then close the connection without answering (the case where Chromium re-sends). */
  dropOnReuse?: (CountedFault & { accept?: boolean }) | null;
  /** What a proxy or firewall answers: this status with an HTML page, nothing processed (for 408
   * with acceptBeforeFail, the request was forwarded and accepted first). */
  proxyStatus?: (CountedFault & { status: number; acceptBeforeFail?: boolean }) | null;
  /** A redirect to `location` (default https://example.invalid/rest/mtsms); nothing processed. */
  redirect?: (CountedFault & { status?: 301 | 302 | 303 | 307 | 308; location?: string }) | null;
  /** An account-level refusal: 0x0212 (401, IP), 0x0213 (403, IP), 0x0219–0x021C (feature), 0x021D (SMS not enabled). */
  accountRefusal?: (CountedFault & { code: '0x0212' | '0x0213' | '0x0219' | '0x021A' | '0x021B' | '0x021C' | '0x021D' }) | null;
  /** Process the request (accept, log, charge), then answer 200 with these `ids` instead of the real
   * ones (odd ids: 0, negatives, too many) and/or `padBytes` of padding after them, streamed (an
   * answer too big to read). */
  acceptedAnswer?: (CountedFault & { ids?: unknown[]; padBytes?: number }) | null;
  /** A misbehaving server that echoes the request's token into a 400 error's code, message and variables. */
  echoToken?: CountedFault | null;
}

type CountedKey =
  | 'status5xx'
  | 'rateLimit'
  | 'dropBeforeAccept'
  | 'dropAfterAccept'
  | 'hang'
  | 'outOfOrder'
  | 'dropOnReuse'
  | 'proxyStatus'
  | 'redirect'
  | 'accountRefusal'
  | 'echoToken'
  | 'acceptedAnswer';

/** Whether the fault fires for this request; uses up one of its count. */
export function takeFault<K extends CountedKey>(faults: Faults, key: K): NonNullable<Faults[K]> | null {
  const f = faults[key] as (CountedFault & object) | null | undefined;
  if (!f) return null;
  if (f.count === undefined) return f as NonNullable<Faults[K]>;
  if (f.count <= 0) {
    delete faults[key];
    return null;
  }
  f.count--;
  if (f.count <= 0) delete faults[key];
  return f as NonNullable<Faults[K]>;
}

export function clearFaults(faults: Faults): void {
  for (const k of Object.keys(faults) as (keyof Faults)[]) delete faults[k];
}
