// Typographic characters that word processors and phones put in text (curly quotes, dashes, "…",
// non-breaking spaces) force the whole SMS into UCS-2: 70 characters a part instead of 160. Each
// has a plain GSM-7 look-alike; everything else that forces UCS-2 (emoji, other scripts) has none.
import { nonGsmChars } from '../../shared/sms';

export type CharKind = 'quote' | 'dash' | 'ellipsis' | 'nbsp' | 'space' | 'other';

const LOOK_ALIKES: Record<string, [string, CharKind]> = {
  '\u2018': ["'", 'quote'], // ‘
  '\u2019': ["'", 'quote'], // ’
  '\u201A': ["'", 'quote'], // ‚
  '\u201B': ["'", 'quote'], // ‛
  '\u2032': ["'", 'quote'], // ′
  '\u00B4': ["'", 'quote'], // ´
  '\u0060': ["'", 'quote'], // `
  '\u201C': ['"', 'quote'], // “
  '\u201D': ['"', 'quote'], // ”
  '\u201E': ['"', 'quote'], // „
  '\u201F': ['"', 'quote'], // ‟
  '\u2033': ['"', 'quote'], // ″
  '\u00AB': ['"', 'quote'], // «
  '\u00BB': ['"', 'quote'], // »
  '\u2010': ['-', 'dash'], // hyphen
  '\u2011': ['-', 'dash'], // non-breaking hyphen
  '\u2012': ['-', 'dash'], // figure dash
  '\u2013': ['-', 'dash'], // – en dash
  '\u2014': ['-', 'dash'], // — em dash
  '\u2015': ['-', 'dash'], // horizontal bar
  '\u2212': ['-', 'dash'], // minus sign
  '\u2026': ['...', 'ellipsis'], // …
  '\u00A0': [' ', 'nbsp'], // no-break space
  '\u202F': [' ', 'nbsp'], // narrow no-break space
  '\u2007': [' ', 'nbsp'], // figure space
  '\u2002': [' ', 'space'],
  '\u2003': [' ', 'space'],
  '\u2004': [' ', 'space'],
  '\u2005': [' ', 'space'],
  '\u2006': [' ', 'space'],
  '\u2008': [' ', 'space'],
  '\u2009': [' ', 'space'], // thin space
  '\u200A': [' ', 'space'],
  '\u200B': ['', 'space'], // zero-width space
  '\uFEFF': ['', 'space'], // BOM / zero-width no-break space
};

export interface UnicodeChar {
  char: string;
  kind: CharKind;
  /** The GSM-7 replacement, or null when there is none. */
  replacement: string | null;
}

/** Each character that forces UCS-2, once, in order of appearance, with its look-alike if any. */
export function unicodeChars(text: string): UnicodeChar[] {
  return nonGsmChars(text).map((char) => {
    const hit = LOOK_ALIKES[char];
    return hit ? { char, kind: hit[1], replacement: hit[0] } : { char, kind: 'other', replacement: null };
  });
}

/** The text with every character that has a look-alike replaced; `replaced` counts occurrences. */
export function replaceLookAlikes(text: string): { text: string; replaced: number } {
  let replaced = 0;
  let out = '';
  for (const ch of text) {
    const hit = LOOK_ALIKES[ch];
    if (hit) {
      replaced++;
      out += hit[0];
    } else out += ch;
  }
  return { text: out, replaced };
}

/** The text split into plain runs and UCS-2-forcing characters, for highlighting. */
export function splitForHighlight(text: string): { text: string; unicode: boolean }[] {
  const bad = new Set(nonGsmChars(text));
  const out: { text: string; unicode: boolean }[] = [];
  for (const ch of text) {
    const unicode = bad.has(ch);
    const last = out[out.length - 1];
    if (last && last.unicode === unicode && !unicode) last.text += ch;
    else out.push({ text: ch, unicode });
  }
  return out;
}
