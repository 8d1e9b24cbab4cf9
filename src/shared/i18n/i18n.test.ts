import { describe, expect, it } from 'vitest';
import { LANGUAGES, languageFor, languageOfTag, terminalLanguages } from './languages';
import type { Message } from './messages';
import { parseStoredReason } from './messages';
import { SAMPLES } from './testing/samples';
import { translate } from './translate';
import './catalogs/cli';

const all = Object.values(SAMPLES) as Message[];

describe('translate', () => {
  it('gives every code words in every language, none of them empty or the bare code', () => {
    for (const lang of LANGUAGES) {
      for (const m of all) {
        const text = translate(lang, m);
        expect(text.trim(), `${lang} ${m.code}`).not.toBe('');
        expect(text, `${lang} ${m.code}`).not.toBe(m.code);
        expect(text, `${lang} ${m.code}`).not.toMatch(/undefined|\[object|\u0001|\u0002|\.\.(?!\.)/);
      }
    }
  });

  it("says the confirmation with the language's plural, number and money formats", () => {
    const m = SAMPLES.confirm_send;
    expect(translate('en', m)).toContain('1,234 recipients (2,468 SMS parts, about 1,234.50 SEK)');
    expect(translate('da', m)).toContain('1.234 modtagere (2.468 SMS-dele, ca. 1.234,50 SEK)');
    expect(translate('sv', m)).toMatch(/1\s234 mottagare \(2\s468 SMS-delar, cirka 1\s234,50 SEK\)/);
    expect(translate('nb', m)).toMatch(/1\s234 mottakere \(2\s468 SMS-deler, ca\. 1\s234,50 SEK\)/);
    expect(translate('sv', { ...m, recipients: 1, parts: 1 })).toContain('1 mottagare (1 SMS-del');
    expect(translate('da', m)).toContain('Sverige');
  });

  it('pseudo-language wraps and accents the words but leaves values from the data as they are', () => {
    for (const m of all) expect(translate('pseudo', m)).toMatch(/^⟦[\s\S]*⟧$/);
    const text = translate('pseudo', SAMPLES.campaign_finished);
    expect(text).toContain('Juletilbud');
    expect(text).toMatch(/^⟦Çáɱþáíĝñ/);
    expect(text).not.toContain('Campaign');
  });

  it('says how long sending was retried in minutes or hours, with the plural of each language', () => {
    const gaveUp = (over: { minutes?: number; hours?: number }) => ({ code: 'reason_gave_up', cause: null, ...over }) as const;
    expect(translate('en', gaveUp({ minutes: 1 }))).toContain('more than 1 minute;');
    expect(translate('en', gaveUp({ minutes: 90 }))).toContain('more than 90 minutes;');
    expect(translate('da', gaveUp({ minutes: 24 * 60 }))).toContain('mere end 24 timer;');
    expect(translate('sv', gaveUp({ minutes: 24 * 60 }))).toContain('mer än 24 timmar;');
    expect(translate('nb', gaveUp({ minutes: 1 }))).toContain('mer enn 1 minutt;');
    // A reason stored before (hours only) still reads right.
    expect(translate('en', gaveUp({ hours: 24 }))).toContain('more than 24 hours;');
  });

  it('keeps GatewayAPI’s own words, marked as theirs, for a code we have no words for', () => {
    expect(translate('da', SAMPLES.gw_rejected_other)).toBe(
      'GatewayAPI afviste forespørgslen (HTTP 422, 0x0999). GatewayAPI skrev: “Something new”',
    );
  });

  it('reads a stored reason back, and old plain-text reasons as they are', () => {
    expect(parseStoredReason(JSON.stringify(SAMPLES.gw_blacklisted))).toEqual(SAMPLES.gw_blacklisted);
    expect(parseStoredReason('GatewayAPI refused 4512')).toEqual({ code: 'reason_legacy', text: 'GatewayAPI refused 4512' });
    expect(parseStoredReason(null)).toBeNull();
  });
});

describe('language choice', () => {
  it('follows the OS language, Settings overriding it; Norwegian tags get Bokmål', () => {
    expect(languageFor('system', ['sv-SE', 'en-US'])).toBe('sv');
    expect(languageFor('system', ['fr-FR', 'nn-NO'])).toBe('nb');
    expect(languageFor('system', ['no'])).toBe('nb');
    expect(languageFor('da', ['sv-SE'])).toBe('da');
    expect(languageFor(null, ['fr'])).toBe('en');
    expect(languageOfTag('sv_SE.UTF-8')).toBe('sv');
  });

  it('reads a terminal language the POSIX way: LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(terminalLanguages({ LANG: 'da_DK.UTF-8', LC_MESSAGES: 'sv_SE.UTF-8' })).toEqual(['sv_SE.UTF-8']);
    expect(terminalLanguages({ LC_ALL: 'nb_NO.UTF-8', LANG: 'da_DK.UTF-8' })).toEqual(['nb_NO.UTF-8']);
    expect(terminalLanguages({ LANG: 'C.UTF-8' })).toEqual(['en']);
    expect(terminalLanguages({})).toEqual([]);
  });
});
