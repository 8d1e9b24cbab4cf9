// Dispatch logs a slow call with its name and duration, never its input; quick calls are not logged.
import { describe, expect, it } from 'vitest';
import type { Logger } from '../core/types';
import { createDispatch, type Handlers } from './dispatch';

function recordingLogger() {
  const lines: { level: string; msg: string; data?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    info: (msg, data) => lines.push({ level: 'info', msg, data }),
    warn: (msg, data) => lines.push({ level: 'warn', msg, data }),
    error: (msg, data) => lines.push({ level: 'error', msg, data }),
  };
  return { logger, lines };
}

describe('dispatch: slow calls', () => {
  it('logs a call over the threshold by name and milliseconds, without its input, and not a quick one', async () => {
    let t = 0;
    const { logger, lines } = recordingLogger();
    const handlers = {
      'suppression.add': async () => {
        t += 80; // the handler takes 80 ms of the fake clock
        return { added: 1, invalid: [] };
      },
      'settings.get': () => {
        t += 3;
        return { settings: {}, token: {} };
      },
    } as unknown as Handlers;
    const dispatch = createDispatch(handlers, logger, { slowMs: 50, now: () => t });

    const secret = '4512345678';
    expect(await dispatch('suppression.add', { numbers: [secret], reason: 'opt-out' })).toMatchObject({ ok: true });
    await dispatch('settings.get', {});

    expect(lines).toEqual([{ level: 'warn', msg: 'slow call', data: { call: 'suppression.add', ms: 80 } }]);
    expect(JSON.stringify(lines)).not.toContain(secret);
  });

  it('times a call that fails too', async () => {
    let t = 0;
    const { logger, lines } = recordingLogger();
    const handlers = {
      'settings.get': () => {
        t += 120;
        throw new Error('disk gone');
      },
    } as unknown as Handlers;
    const dispatch = createDispatch(handlers, logger, { now: () => t });
    expect(await dispatch('settings.get', {})).toMatchObject({ ok: false, error: { kind: 'internal' } });
    expect(lines.find((l) => l.msg === 'slow call')?.data).toEqual({ call: 'settings.get', ms: 120 });
  });
});
