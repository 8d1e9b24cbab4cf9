// Main's native confirmation: the numbers of the request in the user's language, Cancel as the
// default button, and no yes without a window to ask on.
import { describe, expect, it } from 'vitest';
import { confirmBox, dialogConfirm } from './confirmDialog';
import type { ConfirmRequest } from '../shared/confirmRequest';

const send: ConfirmRequest = {
  kind: 'send',
  campaign: 'Forår',
  recipients: 1234,
  parts: 2468,
  cost: 370.2,
  currency: 'DKK',
  creditAfter: 129.8,
  sendAt: null,
  warning: null,
};

describe('confirmBox', () => {
  it('states recipients, parts, cost and credit after; Cancel is the default', () => {
    const en = confirmBox(send, 'en');
    expect(en.message).toBe('Send 1,234 messages now?');
    expect(en.detail).toContain('Recipients: 1,234');
    expect(en.detail).toContain('SMS parts: 2,468');
    expect(en.detail).toContain('Estimated cost: 370.20 DKK');
    expect(en.detail).toContain('Credit after: 129.80 DKK');
    expect(en.buttons).toEqual(['Send now', 'Cancel']);
    expect(en).toMatchObject({ defaultId: 1, cancelId: 1 });
    const da = confirmBox({ ...send, sendAt: Date.UTC(2026, 11, 5, 9, 0) }, 'da');
    expect(da.message).toMatch(/^Planlæg 1\.234 beskeder til /);
    expect(da.detail).toContain('Anslået pris: 370,20 DKK');
    expect(da.buttons).toEqual(['Planlæg', 'Annuller']);
  });

  it('has words for every kind in every language', () => {
    const all: ConfirmRequest[] = [
      send,
      { kind: 'resend', which: 'uncertain', campaign: 'x', recipients: 1, parts: 1, cost: null, currency: null, creditAfter: null },
      { kind: 'replaceToken', account: { id: 7, credit: 10, currency: 'SEK' }, problem: null, replacing: true },
      { kind: 'replaceToken', account: null, problem: 'offline', replacing: false },
      { kind: 'unsuppress', msisdn: '4520123450', reason: 'Opted out' },
      { kind: 'testNumber', msisdn: '4520123450' },
      { kind: 'quietHoursOff', start: '21:00', end: '08:00', queued: 5 },
    ];
    for (const lang of ['en', 'da', 'sv', 'nb'] as const) {
      for (const r of all) {
        const box = confirmBox(r, lang);
        for (const text of [box.message, box.detail, ...box.buttons]) expect(text, `${lang} ${r.kind}`).toMatch(/\S/);
        expect(box.message).not.toMatch(/undefined|\[object/);
        expect(box.detail).not.toMatch(/undefined|\[object/);
      }
    }
    expect(confirmBox(all[2], 'en').detail).toContain('account 7');
  });
});

describe('dialogConfirm', () => {
  it('yes only for a click on the first button of a box on the window', async () => {
    const shown: unknown[] = [];
    let response = 0;
    let win: object | null = {};
    const confirm = dialogConfirm({
      showMessageBox: async (_w, o) => {
        shown.push(o);
        return { response };
      },
      getWindow: () => win,
      language: () => 'en',
    });
    expect(await confirm(send)).toBe(true);
    response = 1;
    expect(await confirm(send)).toBe(false);
    win = null;
    response = 0;
    expect(await confirm(send)).toBe(false);
    expect(shown).toHaveLength(2);
  });
});
