import { describe, expect, it } from 'vitest';
import { SegmentedMessage } from 'sms-segments-calculator';
import { addToTally, emptyTally, isGsm7, nonGsmChars, partsFromTally, smsParts } from './sms';

const a = (n: number) => 'a'.repeat(n);
const e = (n: number) => 'ê'.repeat(n); // not in GSM-7

describe('smsParts', () => {
  it('counts GSM-7 parts at 160 / 153', () => {
    expect(smsParts(a(160))).toEqual({ encoding: 'GSM7', parts: 1, chars: 160 });
    expect(smsParts(a(161))).toEqual({ encoding: 'GSM7', parts: 2, chars: 161 });
    expect(smsParts(a(306)).parts).toBe(2);
    expect(smsParts(a(307)).parts).toBe(3);
  });

  it('counts the extension characters ^ { } \\ [ ] ~ | € as two', () => {
    for (const ch of '^{}\\[]~|€') expect(smsParts(ch)).toEqual({ encoding: 'GSM7', parts: 1, chars: 2 });
    expect(smsParts('€'.repeat(80))).toMatchObject({ parts: 1, chars: 160 });
    expect(smsParts('€'.repeat(81))).toMatchObject({ parts: 2, chars: 162 });
  });

  it('never splits an escape sequence across two parts', () => {
    // 152 + 2 does not fit in 153: the € starts part 2, which then overflows into part 3.
    expect(smsParts(a(152) + '€' + a(152))).toEqual({ encoding: 'GSM7', parts: 3, chars: 306 });
    expect(smsParts(a(306)).parts).toBe(2);
  });

  it('keeps Danish, German and Swedish letters in GSM-7', () => {
    expect(smsParts('Æble Øl Århus æøå ÄÖÜ äöü ß É é')).toMatchObject({ encoding: 'GSM7' });
    expect(isGsm7('Grüße aus Köln')).toBe(true);
  });

  it('switches to UCS-2 for one character outside GSM-7 and counts UTF-16 units at 70 / 67', () => {
    expect(smsParts('Hej ê')).toEqual({ encoding: 'UCS2', parts: 1, chars: 5 });
    expect(smsParts(e(70)).parts).toBe(1);
    expect(smsParts(e(71)).parts).toBe(2);
    expect(smsParts(e(134)).parts).toBe(2);
    expect(smsParts(e(135)).parts).toBe(3);
    // In UCS-2 a '€' is one unit, not two.
    expect(smsParts('ê' + '€'.repeat(69))).toEqual({ encoding: 'UCS2', parts: 1, chars: 70 });
    expect(smsParts('ç').encoding).toBe('UCS2'); // only the capital Ç is in GSM-7
  });

  it('counts an emoji as two units and never splits it across parts', () => {
    expect(smsParts('😀')).toEqual({ encoding: 'UCS2', parts: 1, chars: 2 });
    expect(smsParts(e(66) + '😀' + e(66))).toEqual({ encoding: 'UCS2', parts: 3, chars: 134 });
  });

  it('gives 0 parts for an empty message', () => {
    expect(smsParts('')).toEqual({ encoding: 'GSM7', parts: 0, chars: 0 });
  });

  it('lists the characters that force UCS-2', () => {
    expect(nonGsmChars('Hej ê og ê, 😀 €')).toEqual(['ê', '😀']);
  });
});

describe('tally of pieces', () => {
  it('gives the same parts as counting the joined text, or asks for a walk', () => {
    const pieces = ['Hej ', 'Søren', ', din tid er ', '€', 'ê', '😀', a(100), e(40), '{x}'];
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 2000; n++) {
      const parts = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pieces[Math.floor(rand() * pieces.length)]);
      const tally = emptyTally();
      for (const p of parts) addToTally(tally, p);
      const fromTally = partsFromTally(tally);
      if (fromTally) expect(fromTally).toEqual(smsParts(parts.join('')));
    }
  });
});

describe('agreement with sms-segments-calculator', () => {
  it('matches it wherever no character is a multi-code-point cluster', () => {
    // Where they differ (flags, skin tones, ZWJ sequences) that package keeps the whole cluster in
    // one part; GatewayAPI's documented rule is per character, which is what smsParts follows.
    const alphabet = 'abc xyz 123 ^{}[]€|~\\ æøåÆØÅ äöü é\nê ω 😀';
    const chars = [...alphabet];
    let seed = 1;
    const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let n = 0; n < 300; n++) {
      const len = 1 + Math.floor(rand() * 400);
      const gsmOnly = n % 2 === 0;
      let s = '';
      while (s.length < len) {
        const ch = chars[Math.floor(rand() * chars.length)];
        if (gsmOnly && !isGsm7(ch)) continue;
        s += ch;
      }
      const theirs = new SegmentedMessage(s);
      const ours = smsParts(s);
      expect(ours.encoding).toBe(theirs.encodingName === 'GSM-7' ? 'GSM7' : 'UCS2');
      expect(ours.parts).toBe(theirs.segmentsCount);
    }
  });
});
