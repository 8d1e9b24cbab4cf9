// An error nobody caught becomes one clear line (never a stack trace, never an exit mid-write): run
// in a real child process, since only a real process shows whether Node would have crashed.
import { execFileSync } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { describeUnexpected, installCrashGuard, type CrashReport } from './crashGuard';

describe('crash guard', () => {
  it('reports a rejection and an exception as sentences, without the stack', () => {
    const proc = new EventEmitter();
    const seen: CrashReport[] = [];
    const remove = installCrashGuard(proc, (r) => seen.push(r));
    proc.emit('unhandledRejection', Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    proc.emit('uncaughtException', new Error('boom\n    at somewhere (file.js:1:1)'));
    expect(seen.map((s) => [s.kind, s.message])).toEqual([
      ['rejection', 'The disk holding the data folder is full. Free some space; nothing stored is lost.'],
      ['exception', 'Unexpected error: boom.'],
    ]);
    remove();
    expect(proc.listenerCount('unhandledRejection')).toBe(0);
  });

  it('a read-only folder has its own sentence', () => {
    expect(describeUnexpected(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }))).toMatch(
      /read-only/,
    );
  });

  it('in a real process an unhandled rejection no longer ends it', () => {
    const script = `
      require('tsx/cjs');
      const { installCrashGuard } = require(${JSON.stringify(require.resolve('./crashGuard.ts'))});
      installCrashGuard(process, (r) => process.stderr.write('reported: ' + r.message + '\\n'));
      Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
      setTimeout(() => process.stdout.write('still running'), 50);
    `;
    const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toBe('still running');
  });
});
