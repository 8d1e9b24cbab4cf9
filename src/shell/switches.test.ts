// A packaged build refuses to start with switches that open a debugger or remote control.
import { describe, expect, it } from 'vitest';
import { debuggingSwitches, refusalMessage, refusedAtStart } from './switches';

describe('debuggingSwitches', () => {
  it('finds debugger and remote-debugging switches in any spelling Chromium accepts', () => {
    const argv = [
      '/opt/SMS Outbox/sms-outbox',
      '--inspect=9229',
      '--remote-debugging-port=9222',
      '-js-flags=--allow-natives-syntax',
      '--INSPECT-BRK',
    ];
    expect(debuggingSwitches(argv, 'linux')).toEqual(['--inspect', '--remote-debugging-port', '-js-flags', '--INSPECT-BRK']);
    expect(debuggingSwitches(['app.exe', '/remote-debugging-pipe'], 'win32')).toEqual(['/remote-debugging-pipe']);
  });

  it('lets ordinary arguments through', () => {
    const argv = ['/usr/bin/sms-outbox', '--no-sandbox-is-not-here', '/home/anna/inspect', '--lang=da', 'file.csv'];
    expect(debuggingSwitches(argv, 'linux')).toEqual([]);
    // A POSIX path that looks like a Windows switch is only a path there.
    expect(debuggingSwitches(['/inspect'], 'linux')).toEqual([]);
  });

  it('says which switch and why', () => {
    expect(refusalMessage(['--inspect']).text).toMatch(/--inspect.*token/);
    // In the OS language: a Danish desktop reads Danish, and every word is translated (pseudo wraps it).
    expect(refusalMessage(['--inspect'], 'da')).toEqual({
      title: 'SMS Outbox kan ikke starte',
      text: expect.stringMatching(/^SMS Outbox starter ikke med --inspect: .*API-nøglen/),
    });
    expect(refusalMessage(['--inspect'], 'pseudo').text).toMatch(/^⟦[^⟧]*⟧$/);
  });
});

describe('refusedAtStart: the network below the app', () => {
  it('refuses proxy, resolver, certificate and key-log switches, and certificate checks turned off by the environment', () => {
    const argv = [
      'sms-outbox',
      '--proxy-server=http://evil:8080',
      '--ignore-certificate-errors',
      '--proxy-pac-url=http://evil/pac',
      '--host-resolver-rules=MAP gatewayapi.com 10.0.0.1',
      '--ignore-certificate-errors-spki-list=abc',
      '--ssl-key-log-file=/tmp/k',
    ];
    expect(refusedAtStart(argv, {}, 'linux')).toEqual([
      '--proxy-server',
      '--ignore-certificate-errors',
      '--proxy-pac-url',
      '--host-resolver-rules',
      '--ignore-certificate-errors-spki-list',
      '--ssl-key-log-file',
    ]);
    expect(refusedAtStart(['sms-outbox'], { NODE_TLS_REJECT_UNAUTHORIZED: '0' }, 'linux')).toEqual(['NODE_TLS_REJECT_UNAUTHORIZED=0']);
    expect(refusedAtStart(['sms-outbox'], { SSLKEYLOGFILE: '/tmp/keys' }, 'linux')).toEqual(['SSLKEYLOGFILE']);
    expect(refusalMessage(['NODE_TLS_REJECT_UNAUTHORIZED=0']).text).toMatch(/does not start with NODE_TLS_REJECT_UNAUTHORIZED=0.*token/);
  });

  it('starts with an ordinary command line and environment (the system proxy still applies)', () => {
    const env = { HTTPS_PROXY: 'http://corp:3128', NODE_TLS_REJECT_UNAUTHORIZED: '1', LANG: 'da_DK.UTF-8' };
    expect(refusedAtStart(['sms-outbox', '--lang=da', 'list.csv'], env, 'linux')).toEqual([]);
  });
});
