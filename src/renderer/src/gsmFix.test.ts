// The one-click fix for characters that force UCS-2: typographic ones get GSM-7 look-alikes.
import { describe, expect, it } from 'vitest';
import { smsParts } from '../../shared/sms';
import { replaceLookAlikes, splitForHighlight, unicodeChars } from './gsmFix';

describe('GSM-7 look-alikes', () => {
  it('turns a pasted Word text back into GSM-7 (and fewer parts)', () => {
    const pasted = `Hej %Navn% – “Forårsudsalg” i dag\u00A0kl.\u202F10… Vi ses’ ${'x'.repeat(60)}`;
    expect(smsParts(pasted)).toMatchObject({ encoding: 'UCS2', parts: 2 });
    const { text, replaced } = replaceLookAlikes(pasted);
    expect(text).toBe(`Hej %Navn% - "Forårsudsalg" i dag kl. 10... Vi ses' ${'x'.repeat(60)}`);
    expect(replaced).toBe(7);
    expect(smsParts(text)).toMatchObject({ encoding: 'GSM7', parts: 1 });
  });

  it('names each offending character once, and has no look-alike for emoji', () => {
    expect(unicodeChars('a “b” c — d 🙂 “e”')).toEqual([
      { char: '“', kind: 'quote', replacement: '"' },
      { char: '”', kind: 'quote', replacement: '"' },
      { char: '—', kind: 'dash', replacement: '-' },
      { char: '🙂', kind: 'other', replacement: null },
    ]);
    expect(replaceLookAlikes('🙂 “x”').text).toBe('🙂 "x"');
    // Danish letters are GSM-7: nothing to flag.
    expect(unicodeChars('Æble, øl og ål')).toEqual([]);
  });

  it('splits the text for highlighting the offending characters', () => {
    expect(splitForHighlight('ab…c')).toEqual([
      { text: 'ab', unicode: false },
      { text: '…', unicode: true },
      { text: 'c', unicode: false },
    ]);
  });
});
