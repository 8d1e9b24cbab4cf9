import { describe, expect, it } from 'vitest';
import type { Notice } from '../shared/contract';
import { watchOnline } from './connectivity';
import { createNoticeNotifier, type NotificationApi } from './notifications';

function fakeNotification(supported = true) {
  const shown: { title: string; body: string }[] = [];
  const clickHandlers: (() => void)[] = [];
  class N {
    static isSupported = () => supported;
    constructor(private readonly o: { title: string; body: string }) {}
    on(_e: 'click', l: () => void) {
      clickHandlers.push(l);
    }
    show() {
      shown.push(this.o);
    }
  }
  return { Notification: N as unknown as NotificationApi, shown, clickHandlers };
}

const paused: Notice = { key: 'paused', level: 'error', message: 'Sending paused: credit exhausted' };

describe('createNoticeNotifier', () => {
  it('shows warnings and errors as OS notifications, not info', () => {
    const f = fakeNotification();
    const notify = createNoticeNotifier({ Notification: f.Notification });
    notify({ key: 'i', level: 'info', message: 'Import done' });
    notify(paused);
    notify({ key: 'low', level: 'warning', message: 'Credit is low' });
    expect(f.shown).toEqual([
      { title: 'SMS Outbox', body: 'Sending paused: credit exhausted' },
      { title: 'SMS Outbox', body: 'Credit is low' },
    ]);
  });

  it('also notifies when a campaign has finished', () => {
    const f = fakeNotification();
    const notify = createNoticeNotifier({ Notification: f.Notification });
    notify({ key: 'finished-7', level: 'info', message: 'Campaign "Sale" finished: 9 delivered, 1 not delivered.' });
    expect(f.shown).toEqual([{ title: 'SMS Outbox', body: 'Campaign "Sale" finished: 9 delivered, 1 not delivered.' }]);
  });

  it('does nothing where the OS has no notifications', () => {
    const f = fakeNotification(false);
    expect(createNoticeNotifier({ Notification: f.Notification })(paused)).toBe(false);
    expect(f.shown).toEqual([]);
  });

  it('does not repeat the same notice within a minute, and focuses the app on click', () => {
    const f = fakeNotification();
    let t = 0;
    let focused = 0;
    const notify = createNoticeNotifier({ Notification: f.Notification, now: () => t, onClick: () => focused++ });
    notify(paused);
    t = 59_000;
    notify(paused);
    expect(f.shown).toHaveLength(1);
    t = 61_000;
    notify(paused);
    expect(f.shown).toHaveLength(2);
    f.clickHandlers[0]!();
    expect(focused).toBe(1);
  });
});

describe('watchOnline', () => {
  it('reports only the offline → online change', async () => {
    const states = [false, false, true, true, false, true];
    let i = 0;
    let wakes = 0;
    const stop = watchOnline(
      () => states[Math.min(i++, states.length - 1)]!,
      () => wakes++,
      5,
    );
    const until = Date.now() + 2000;
    while (i <= states.length && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
    stop();
    expect(wakes).toBe(2);
  });
});
