// A packaged build refuses to start with switches that open a debugger or remote control.
import { describe, expect, it } from 'vitest';
import { debuggingSwitches, refusalMessage } from './switches';

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
    expect(refusalMessage(['--inspect'])).toMatch(/--inspect.*token/);
  });
});
