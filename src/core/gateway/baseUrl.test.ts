import { describe, expect, it } from 'vitest';
import { isLoopbackHost, resolveBaseUrl } from './baseUrl';

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.255.255.255', '127.0.0.2', '[::1]'])('%s is this computer', (h) => {
    expect(isLoopbackHost(h)).toBe(true);
  });
  // *.localhost goes through DNS in Node's fetch (it can point anywhere); 127.x beyond 255 is no address.
  it.each(['sim.localhost', 'localhost.', 'evil.localhost', '127.0.0.256', '127.0.0.1.example.com', '128.0.0.1', '10.0.0.1', '[::2]'])(
    '%s is not',
    (h) => {
      expect(isLoopbackHost(h)).toBe(false);
    },
  );
});

describe('resolveBaseUrl: where a stored setting may send the token', () => {
  it('a stored custom URL may name this computer or GatewayAPI', () => {
    expect(resolveBaseUrl('custom', 'http://127.0.0.1:8123/')).toEqual({ ok: true, url: 'http://127.0.0.1:8123' });
    expect(resolveBaseUrl('custom', 'https://localhost:9443')).toEqual({ ok: true, url: 'https://localhost:9443' });
    expect(resolveBaseUrl('custom', 'https://gatewayapi.eu')).toEqual({ ok: true, url: 'https://gatewayapi.eu' });
  });
  it.each([
    'https://attacker.example',
    'https://gatewayapi.com.attacker.example',
    'https://sim.localhost:8080',
    'http://sim.localhost:8080',
  ])('refuses %s with a message naming the setting and the way out', (url) => {
    const r = resolveBaseUrl('custom', url);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/custom GatewayAPI URL setting.*(this computer|https)/);
  });
  it('the CLI flag (allowRemote) may name any https host, still never plain http over a network', () => {
    expect(resolveBaseUrl('custom', 'https://staging.example/api', { allowRemote: true })).toEqual({
      ok: true,
      url: 'https://staging.example/api',
    });
    expect(resolveBaseUrl('custom', 'http://staging.example', { allowRemote: true }).ok).toBe(false);
  });
});
