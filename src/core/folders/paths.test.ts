import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, demoDataDir } from './paths';

describe('defaultDataDir', () => {
  it('uses SMS_OUTBOX_DATA_DIR on every platform', () => {
    expect(defaultDataDir({ SMS_OUTBOX_DATA_DIR: '/tmp/outbox-x', XDG_CONFIG_HOME: '/x' }, 'linux', '/home/a')).toBe('/tmp/outbox-x');
    expect(defaultDataDir({ SMS_OUTBOX_DATA_DIR: 'C:\\data\\sms' }, 'win32', 'C:\\Users\\a')).toBe('C:\\data\\sms');
    expect(defaultDataDir({ SMS_OUTBOX_DATA_DIR: '/Volumes/x' }, 'darwin', '/Users/a')).toBe('/Volumes/x');
  });

  it('makes a relative override absolute, so the app and the CLI agree wherever they start', () => {
    expect(defaultDataDir({ SMS_OUTBOX_DATA_DIR: 'rel/dir' }, 'linux', '/home/a')).toBe(path.resolve('rel/dir'));
  });

  it('ignores an empty override', () => {
    expect(defaultDataDir({ SMS_OUTBOX_DATA_DIR: '  ' }, 'linux', '/home/a')).toBe('/home/a/.config/sms-outbox');
  });

  it('follows XDG_CONFIG_HOME on Linux, else ~/.config', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/a')).toBe('/xdg/sms-outbox');
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/sms-outbox');
    // The XDG spec says a relative value is invalid.
    expect(defaultDataDir({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/a')).toBe('/home/a/.config/sms-outbox');
  });

  it('uses Application Support on macOS', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/sms-outbox');
  });

  it('uses %APPDATA% on Windows, with the usual default when it is unset', () => {
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toBe(
      'C:\\Users\\a\\AppData\\Roaming\\sms-outbox',
    );
    expect(defaultDataDir({}, 'win32', 'C:\\Users\\a')).toBe('C:\\Users\\a\\AppData\\Roaming\\sms-outbox');
  });
});

describe('demoDataDir', () => {
  it('is a separate folder inside the live one', () => {
    const live = defaultDataDir({}, 'linux', '/home/a');
    expect(demoDataDir(live)).toBe('/home/a/.config/sms-outbox/demo');
    expect(demoDataDir(live)).not.toBe(live);
  });
});
