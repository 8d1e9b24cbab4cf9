// Before a new token is stored, main asks GatewayAPI whose it is (GET /rest/me), so its own dialog
// can name the account the app would send from. The answer passes the redactor like every gateway
// answer (a proxy may echo the token).
import type { Settings } from '../shared/contract';
import { resolveBaseUrl } from '../core/gateway/baseUrl';
import { GatewayClient } from '../core/gateway/client';
import { GatewayError, describeGatewayError } from '../core/gateway/errors';
import type { Account } from '../core/gateway/types';
import { redactingClient, type Redactor } from '../core/secrets/redact';
import type { FetchFn } from '../core/types';

export interface TokenCheck {
  account: Account | null;
  /** GatewayAPI refused the token (401). */
  refused: boolean;
  /** Why the account could not be named, else null. */
  problem: string | null;
}

export type CheckToken = (token: string, settings: Settings) => Promise<TokenCheck>;

export function tokenChecker(fetch: FetchFn, redactor: Redactor): CheckToken {
  return async (token, settings) => {
    redactor.remember(token);
    const url = resolveBaseUrl(settings.platform, settings.customBaseUrl);
    if (!url.ok) return { account: null, refused: false, problem: url.message };
    const client = redactingClient(new GatewayClient({ baseUrl: url.url, token, fetch }), redactor);
    try {
      return { account: await client.account(), refused: false, problem: null };
    } catch (e) {
      if (e instanceof GatewayError) return { account: null, refused: e.kind === 'auth', problem: describeGatewayError(e) };
      return { account: null, refused: false, problem: e instanceof Error ? e.message : String(e) };
    }
  };
}
