import { describe, expect, it } from 'vitest';
import type { Notice } from '../shared/contract';
import { watchOnline } from './connectivity';
import { createNoticeNotifier, type NotificationApi } from './notifications';
import type { Message } from '../shared/i18n/messages';
import { SAMPLES } from '../shared/i18n/testing/samples';
import { translate } from '../shared/i18n/translate';

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

const notice = (key: string, level: Notice['level'], text: Message): Notice => ({ key, level, text, message: translate('en', text) });
const paused = notice('paused', 'error', { code: 'paused', reason: 'credit', cause: null });

describe('createNoticeNotifier', () => {
  it('shows warnings and errors as OS notifications, not info', () => {
    const f = fakeNotification();
    const notify = createNoticeNotifier({ Notification: f.Notification });
    notify(notice('i', 'info', { code: 'resumed_gateway_answers' }));
    notify(paused);
    notify(notice('low', 'warning', { code: 'credit_low', credit: 12, currency: 'DKK', threshold: 100 }));
    expect(f.shown).toEqual([
      { title: 'SMS Outbox', body: 'Sending is paused: the credit is used up.' },
      { title: 'SMS Outbox', body: 'GatewayAPI credit is low: 12.00 DKK (warning below 100.00 DKK). Top up your GatewayAPI account.' },
    ]);
  });

  it('speaks the language it is given, and the pseudo-language wraps every notification', () => {
    const f = fakeNotification();
    createNoticeNotifier({ Notification: f.Notification, say: (m) => translate('sv', m) })(paused);
    expect(f.shown).toEqual([{ title: 'SMS Outbox', body: 'Utskicket är pausat: saldot är slut.' }]);
    const p = fakeNotification();
    const notify = createNoticeNotifier({ Notification: p.Notification, say: (m) => translate('pseudo', m) });
    for (const m of Object.values(SAMPLES) as Message[]) notify(notice(`k-${m.code}`, 'error', m));
    expect(p.shown.length).toBe(Object.keys(SAMPLES).length);
    for (const n of p.shown) {
      expect(n.title).toMatch(/^⟦.*⟧$/s);
      expect(n.body).toMatch(/^⟦.*⟧$/s);
    }
  });

  it('also notifies when a campaign has finished', () => {
    const f = fakeNotification();
    const notify = createNoticeNotifier({ Notification: f.Notification });
    notify(
      notice('finished-7', 'info', { code: 'campaign_finished', name: 'Sale', delivered: 9, notDelivered: 1, uncertain: 0, markedSent: 0 }),
    );
    expect(f.shown).toEqual([{ title: 'SMS Outbox', body: 'Campaign “Sale” finished: 9 delivered, 1 not delivered.' }]);
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
