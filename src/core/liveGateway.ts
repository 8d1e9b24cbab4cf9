// The gateway factory for live sending: GatewayAPI (or a validated custom URL) with the user's
// token. No client without a token or with an unusable base URL: the sender then waits.
import type { GatewayFactory } from './engine';
import { GatewayClient } from './gateway/client';
import { resolveBaseUrl } from './gateway/baseUrl';
import type { FetchFn } from './types';
import { Redactor, redactingClient } from './secrets/redact';

export interface LiveGatewayOptions {
  fetch: FetchFn;
  /** Read when a client is built and again for every request (the keychain may change). */
  token: () => Promise<string | null>;
  userAgent?: string;
  /** Learns each token; the client's answers and errors pass through it (a fresh one if not given). */
  redactor?: Redactor;
  /** A custom URL on any https host: only for a URL the user typed for this run (CLI --base-url). */
  allowRemoteCustomUrl?: boolean;
}

export function liveGateway(o: LiveGatewayOptions): GatewayFactory {
  const redactor = o.redactor ?? new Redactor();
  return async (settings) => {
    const token = await o.token().catch(() => null);
    if (!token) return null;
    redactor.remember(token);
    const url = resolveBaseUrl(settings.platform, settings.customBaseUrl, { allowRemote: o.allowRemoteCustomUrl });
    if (!url.ok) return null;
    // Whatever GatewayAPI (or a proxy) echoes back is stored and shown without any piece of the token.
    return redactingClient(new GatewayClient({ baseUrl: url.url, token: o.token, fetch: o.fetch, userAgent: o.userAgent }), redactor);
  };
}
