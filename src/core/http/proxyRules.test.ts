import { describe, expect, it } from 'vitest';
import { parsePacResult } from './proxyRules';

describe('parsePacResult: what session.resolveProxy answers → the route taken', () => {
  it.each([
    ['DIRECT', { kind: 'direct' }],
    ['', { kind: 'direct' }],
    ['PROXY proxy.corp:3128; DIRECT', { kind: 'proxy', uri: 'http://proxy.corp:3128' }],
    ['PROXY proxy.corp', { kind: 'proxy', uri: 'http://proxy.corp:80' }],
    ['HTTPS secure.corp:8443', { kind: 'proxy', uri: 'https://secure.corp:8443' }],
    ['SOCKS5 127.0.0.1:1080', { kind: 'proxy', uri: 'socks5://127.0.0.1:1080' }],
    ['DIRECT; PROXY a:1', { kind: 'direct' }],
    ['SOCKS old:1080; PROXY b:8080', { kind: 'proxy', uri: 'http://b:8080' }],
    ['SOCKS old:1080', { kind: 'unsupported', entry: 'SOCKS old:1080' }],
    ['QUIC x:443', { kind: 'unsupported', entry: 'QUIC x:443' }],
    ['  proxy   p:1 ;  ', { kind: 'proxy', uri: 'http://p:1' }],
  ])('%j → %j', (pac, route) => {
    expect(parsePacResult(pac)).toEqual(route);
  });
});
