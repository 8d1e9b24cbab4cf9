// The test-only pseudo-language: every translated string is wrapped in ⟦…⟧ and its letters accented,
// while values from the data (names, numbers, dates) stay as they are. A visible text that is not
// wrapped was never translated. Values are marked with \u0001…\u0002 while the English text is built.

const ACCENTS: Record<string, string> = {
  a: 'á',
  b: 'ƀ',
  c: 'ç',
  d: 'ð',
  e: 'é',
  f: 'ƒ',
  g: 'ĝ',
  h: 'ĥ',
  i: 'í',
  j: 'ĵ',
  k: 'ķ',
  l: 'ĺ',
  m: 'ɱ',
  n: 'ñ',
  o: 'ó',
  p: 'þ',
  r: 'ŕ',
  s: 'š',
  t: 'ţ',
  u: 'ú',
  w: 'ŵ',
  y: 'ý',
  z: 'ž',
  A: 'Å',
  B: 'Ɓ',
  C: 'Ç',
  D: 'Ð',
  E: 'É',
  F: 'Ƒ',
  G: 'Ĝ',
  H: 'Ĥ',
  I: 'Í',
  J: 'Ĵ',
  K: 'Ķ',
  L: 'Ĺ',
  M: 'Ṁ',
  N: 'Ñ',
  O: 'Ó',
  P: 'Þ',
  R: 'Ŕ',
  S: 'Ŝ',
  T: 'Ţ',
  U: 'Ú',
  W: 'Ŵ',
  Y: 'Ý',
  Z: 'Ž',
};

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';
export const VALUE_START = '\u0001';
export const VALUE_END = '\u0002';

export function markValue(text: string): string {
  return VALUE_START + text + VALUE_END;
}

function accent(text: string): string {
  let out = '';
  for (const ch of text) out += ACCENTS[ch] ?? ch;
  return out;
}

/**
 * Accents everything outside value marks (and outside `keep` patterns such as {{placeholders}} or
 * <0>tags</0>), strips the marks and wraps the whole in ⟦…⟧.
 */
export function pseudoize(text: string, keep: RegExp | null = null): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf(VALUE_START, i);
    const plain = start === -1 ? text.slice(i) : text.slice(i, start);
    out += keep
      ? plain
          .split(keep)
          .map((piece, k) => (k % 2 === 1 ? piece : accent(piece)))
          .join('')
      : accent(plain);
    if (start === -1) break;
    const end = text.indexOf(VALUE_END, start);
    out += text.slice(start + 1, end === -1 ? text.length : end);
    i = end === -1 ? text.length : end + 1;
  }
  return PSEUDO_OPEN + out + PSEUDO_CLOSE;
}

/** Drops value marks (a message built for a real language never has any; nested pseudo ones might). */
export function stripMarks(text: string): string {
  return text.replace(/[\u0001\u0002]/g, '');
}
