// What Electron's session.resolveProxy(url) answers, in PAC syntax ("PROXY host:port; DIRECT"),
// turned into the one route a request takes. Pure.

export type ProxyRoute = { kind: 'direct' } | { kind: 'proxy'; uri: string } | { kind: 'unsupported'; entry: string };

/**
 * The first entry this app can use, in the order the PAC answer gives. PROXY/HTTP → an http://
 * proxy, HTTPS → https://, SOCKS5 → socks5:// (undici speaks SOCKS5
 * only; plain SOCKS is SOCKS4), DIRECT → none.
 * Later entries are fallbacks: falling back after a failed proxy would mean a second attempt at a
 * POST, so only the first usable entry is taken. An empty answer means DIRECT.
 */
export function parsePacResult(pac: string): ProxyRoute {
  const entries = pac
    .split(';')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  if (entries.length === 0) return { kind: 'direct' };
  let unsupported: string | null = null;
  for (const entry of entries) {
    const [rawType, rawHost] = entry.split(/\s+/, 2);
    const type = (rawType ?? '').toUpperCase();
    if (type === 'DIRECT') return { kind: 'direct' };
    const host = rawHost ?? '';
    if (!/^[A-Za-z0-9.\-_[\]:]+$/.test(host)) {
      unsupported ??= entry;
      continue;
    }
    const withPort = (port: number) => (/:\d+$/.test(host) ? host : `${host}:${port}`);
    if (type === 'PROXY' || type === 'HTTP') return { kind: 'proxy', uri: `http://${withPort(80)}` };
    if (type === 'HTTPS') return { kind: 'proxy', uri: `https://${withPort(443)}` };
    // Chromium's plain "SOCKS" is SOCKS4, which undici does not speak.
    if (type === 'SOCKS5') return { kind: 'proxy', uri: `socks5://${withPort(1080)}` };
    unsupported ??= entry;
  }
  return { kind: 'unsupported', entry: (unsupported ?? pac).slice(0, 100) };
}
