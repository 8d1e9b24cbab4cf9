import { describe, expect, it } from 'vitest';
import { isolateBidi } from './bidi';
import { translate } from './i18n/translate';

const RLO = '\u202E';
const finished = (name: string) =>
  ({ code: 'campaign_finished', name, delivered: 2, notDelivered: 1, uncertain: 0, markedSent: 0 }) as const;

describe('names with bidi controls inside our sentences', () => {
  it('a name ending in RIGHT-TO-LEFT OVERRIDE cannot reverse the rest of the sentence', () => {
    for (const lang of ['en', 'da', 'sv', 'nb'] as const) {
      const text = translate(lang, finished(`Spring${RLO}`));
      expect(text, lang).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      expect(text, lang).toContain('Spring');
    }
  });

  it('a right-to-left name is isolated (FSI … PDI), so the numbers after it stay in order', () => {
    const text = translate('en', finished('שלום'));
    expect(text).toContain('\u2068שלום\u2069');
    expect(text).toMatch(/2 delivered, 1 not delivered/);
  });

  it('plain names, numbers and embedded isolates the text tried to close are handled', () => {
    expect(isolateBidi('Anna Jensen')).toBe('Anna Jensen');
    expect(isolateBidi('42')).toBe('42');
    // A PDI in the data would close our isolate early: explicit controls are dropped first.
    expect(isolateBidi('\u2069abc\u202Bdef')).toBe('abcdef');
    expect(isolateBidi('abc\u200F')).toBe('\u2068abc\u200F\u2069');
  });
});
