// The log file: in the data folder, private, one line per entry, secrets dropped, rotated.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileLogger, logFilePath } from './log';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function dataDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'sms-outbox-log-'));
  dirs.push(d);
  return path.join(d, 'fresh');
}

describe('createFileLogger', () => {
  it('creates the log in the data folder, private to the user, one line per entry', () => {
    const dir = dataDir();
    const file = logFilePath(dir);
    const log = createFileLogger({ file, now: () => new Date('2026-11-30T12:00:00Z') });
    log.info('starting', { version: '1.0.0' });
    log.error('could not open\nFORGED ERROR line', { err: 'boom' });
    expect(readFileSync(file, 'utf8')).toBe(
      '2026-11-30T12:00:00.000Z INFO starting {"version":"1.0.0"}\n' +
        '2026-11-30T12:00:00.000Z ERROR could not open FORGED ERROR line {"err":"boom"}\n',
    );
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    }
  });

  it('never writes values under token-like keys, at any depth', () => {
    const file = logFilePath(dataDir());
    const log = createFileLogger({ file });
    log.warn('request', { token: 'SECRET-abcdefgh', headers: { Authorization: 'Token SECRET-abcdefgh' }, apiKey: 'SECRET-2' });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('SECRET');
    expect(text).toContain('[redacted]');
  });

  it('keeps one old generation when the file grows past the limit', () => {
    const file = logFilePath(dataDir());
    const log = createFileLogger({ file, maxBytes: 100 });
    for (let i = 0; i < 5; i++) log.info(`entry ${i} ${'x'.repeat(40)}`);
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('entry 4');
  });
});
