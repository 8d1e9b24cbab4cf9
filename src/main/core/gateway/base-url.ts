// Where requests go: GatewayAPI's two platforms, or a custom URL (the local simulator, a test server).

export type Platform = 'com' | 'eu';

export function platformBaseUrl(platform: Platform): string {
  return platform === 'eu' ? 'https://gatewayapi.eu' : 'https://gatewayapi.com';
}

export type BaseUrlCheck = { ok: true; url: string } | { ok: false; message: string };

const SETTING = 'The custom GatewayAPI URL setting';
/**
 * This computer: the only place plain http may go (the simulator, a local test stand-in). A LAN
 * address is refused too: a café's Wi-Fi is a network where the token could be read.
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * Accepts https anywhere and plain http only on this computer (the simulator, a test stand-in): the
 * token travels in a header, so it must never cross a network unencrypted. Returns the URL without a trailing
 * slash, so paths can be appended.
 */
export function validateBaseUrl(url: string): BaseUrlCheck {
  const raw = url.trim();
  if (raw === '') return { ok: false, message: `${SETTING} is empty. Enter a URL such as https://gatewayapi.com.` };
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { ok: false, message: `${SETTING} is not a valid URL: "${raw.slice(0, 200)}". Use a URL such as https://gatewayapi.com.` };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    return { ok: false, message: `${SETTING} must start with https:// (got ${u.protocol}).` };
  }
  if (u.protocol === 'http:' && !isLoopbackHost(u.hostname)) {
    return {
      ok: false,
      message: `${SETTING} must use https:// (plain http is allowed only for this computer: 127.0.0.1 or localhost), so the API token is never sent unencrypted.`,
    };
  }
  if (u.username !== '' || u.password !== '') {
    return { ok: false, message: `${SETTING} must not contain a user name or password; the API token is entered separately.` };
  }
  if (u.search !== '' || u.hash !== '') {
    return { ok: false, message: `${SETTING} must not contain a query (?…) or fragment (#…).` };
  }
  const path = u.pathname.replace(/\/+$/, '');
  return { ok: true, url: `${u.protocol}//${u.host}${path}` };
}

/** The base URL for the settings' platform choice. */
export function resolveBaseUrl(platform: Platform | 'custom', customBaseUrl: string | null): BaseUrlCheck {
  if (platform !== 'custom') return { ok: true, url: platformBaseUrl(platform) };
  return validateBaseUrl(customBaseUrl ?? '');
}
