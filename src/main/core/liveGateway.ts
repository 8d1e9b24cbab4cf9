// The gateway factory for live sending: GatewayAPI (or a validated custom URL) with the user's
// token. No client without a token or with an unusable base URL: the sender then waits.
import type { GatewayFactory } from './engine';
import { GatewayClient } from './gateway/client';
import { resolveBaseUrl } from './gateway/base-url';
import type { FetchFn } from './types';

export interface LiveGatewayOptions {
  fetch: FetchFn;
  /** Read when a client is built and again for every request (the keychain may change). */
  token: () => Promise<string | null>;
  userAgent?: string;
}

export function liveGateway(o: LiveGatewayOptions): GatewayFactory {
  return async (settings) => {
    const token = await o.token().catch(() => null);
    if (!token) return null;
    const url = resolveBaseUrl(settings.platform, settings.customBaseUrl);
    if (!url.ok) return null;
    return new GatewayClient({ baseUrl: url.url, token: o.token, fetch: o.fetch, userAgent: o.userAgent });
  };
}
