import type { MessageOf } from '../../shared/i18n/messages';
import { translate } from '../../shared/i18n/translate';
// Where requests go: GatewayAPI's two platforms, or a custom URL (the local simulator, a test server).

export type Platform = 'com' | 'eu';

export function platformBaseUrl(platform: Platform): string {
  return platform === 'eu' ? 'https://gatewayapi.eu' : 'https://gatewayapi.com';
}

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; message: string; text: MessageOf<'base_url_invalid'> };

/** A refusal: the user's words from the code, `message` in English for the CLI and logs. */
function refuse(problem: MessageOf<'base_url_invalid'>['problem'], got = ''): BaseUrlCheck {
  const text: MessageOf<'base_url_invalid'> = { code: 'base_url_invalid', problem, got };
  return { ok: false, message: translate('en', text), text };
}

/**
 * This computer: the only place plain http may go (the simulator, a local test stand-in). Only
 * literal loopback addresses and `localhost` itself: a name such as `sim.localhost` goes through DNS
 * in Node's fetch, so it can point anywhere. A LAN address is refused too: a café's Wi-Fi is a
 * network where the token could be read.
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  if (h === 'localhost' || h === '[::1]') return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
  return m !== null && m.slice(1).every((octet) => Number(octet) <= 255);
}

/** GatewayAPI's own hosts: the only remote hosts the app's settings may send the token to. */
const GATEWAYAPI_HOSTS = new Set(['gatewayapi.com', 'gatewayapi.eu']);

/**
 * Accepts https anywhere and plain http only on this computer (the simulator, a test stand-in): the
 * token travels in a header, so it must never cross a network unencrypted. Returns the URL without a trailing
 * slash, so paths can be appended.
 */
export function validateBaseUrl(url: string): BaseUrlCheck {
  const raw = url.trim();
  if (raw === '') return refuse('empty');
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return refuse('not_url', raw.slice(0, 200));
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    return refuse('not_https', u.protocol);
  }
  if (u.protocol === 'http:' && !isLoopbackHost(u.hostname)) {
    return refuse('http_remote');
  }
  if (u.username !== '' || u.password !== '') {
    return refuse('credentials');
  }
  if (u.search !== '' || u.hash !== '') {
    return refuse('query');
  }
  const path = u.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${u.protocol}//${u.host}${path}` };
}

/**
 * The base URL for the settings' platform choice. A stored custom URL may point only at this computer
 * (a simulator) or at GatewayAPI itself: the renderer can write settings, and whoever controls the
 * setting receives the token. `allowRemote` is for a URL the user typed on the CLI (--base-url).
 */
export function resolveBaseUrl(
  platform: Platform | 'custom',
  customBaseUrl: string | null,
  options: { allowRemote?: boolean } = {},
): BaseUrlCheck {
  if (platform !== 'custom') return { ok: true, url: platformBaseUrl(platform) };
  const check = validateBaseUrl(customBaseUrl ?? '');
  if (!check.ok || options.allowRemote) return check;
  const host = new URL(check.url).hostname.toLowerCase();
  if (isLoopbackHost(host) || GATEWAYAPI_HOSTS.has(host)) return check;
  return refuse('not_gatewayapi', host);
}
