// Languages: the OS language unless the user chose one; both languages have every string; dates,
// numbers and money follow the language.
import { afterEach, describe, expect, it } from 'vitest';
import { formatCount, formatMoney, outboxLabel, percent } from '../format';
import { da } from './da';
import { en } from './en';
import { applyLanguage, i18n, languageFor, t } from './';

afterEach(() => applyLanguage('en'));

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
}

describe('i18n', () => {
  it('follows the OS language, unless the setting names one', () => {
    expect(languageFor('system', ['da-DK', 'en-US'])).toBe('da');
    expect(languageFor('system', ['de-DE', 'en-GB'])).toBe('en');
    expect(languageFor('system', ['fr-FR'])).toBe('en');
    expect(languageFor('en', ['da-DK'])).toBe('en');
    expect(languageFor('da', ['en-US'])).toBe('da');
  });

  it('has every English string in Danish too, none left empty or untranslated by accident', () => {
    expect(keys(da).sort()).toEqual(keys(en).sort());
    const same = keys(en).filter((k) => {
      const get = (o: object) => k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o);
      return get(en) === get(da);
    });
    // Names, codes and words that are the same in both languages.
    const alike = [
      'app.name',
      'app.demoBadge',
      'common.none',
      'message.gsm7',
      'message.ucs2',
      'campaigns.demo',
      'attempts.cols.http',
      'settings.platform',
      'settings.platforms.com',
      'send.sendButton',
    ];
    expect(same.filter((k) => !alike.includes(k))).toEqual([]);
    expect(keys(da).every((k) => k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], da) !== '')).toBe(true);
  });

  it('switches texts, plurals and number, money and percent formats with the language', () => {
    applyLanguage('en');
    expect(t('campaigns.count', { count: 1 })).toBe('1 campaign');
    expect(t('campaigns.count', { count: 1234 })).toBe('1,234 campaigns');
    expect(formatMoney(1234.5, 'DKK')).toBe('1,234.50 DKK');
    expect(
      outboxLabel({
        paused: null,
        pauseMessage: null,
        pauseCause: null,
        cause: null,
        offline: true,
        retryInSec: null,
        counts: { queued: 1200 },
        heldElsewhere: false,
        quietUntil: null,
        halfStored: [],
      }).text,
    ).toBe('Offline — 1,200 queued');

    applyLanguage('da');
    expect(i18n.language).toBe('da');
    expect(t('campaigns.count', { count: 1 })).toBe('1 kampagne');
    expect(t('campaigns.count', { count: 1234 })).toBe('1.234 kampagner');
    expect(formatMoney(1234.5, 'DKK')).toBe('1.234,50 DKK');
    expect(formatMoney(0.0425, 'EUR')).toBe('0,0425 EUR');
    expect(formatCount(1200)).toBe('1.200');
    expect(percent(1, 300)).toMatch(/^0,3\s?%$/);
    expect(
      outboxLabel({
        paused: 'credit',
        pauseMessage: null,
        pauseCause: null,
        cause: null,
        offline: false,
        retryInSec: null,
        counts: {},
        heldElsewhere: false,
        quietUntil: null,
        halfStored: [],
      }).text,
    ).toBe('Sat på pause: saldoen er brugt op');
  });
});
