// What the CLI prints cannot be reordered or split by text from a file or GatewayAPI.
import { describe, expect, it } from 'vitest';
import { oneLine, printable } from './printable';

describe('printable', () => {
  it('strips every bidi control (overrides, isolates, marks, the Arabic letter mark)', () => {
    const name = 'Anna\u202Egnp.exe \u2066x\u2069 \u200Ea\u200F \u061Cb';
    expect(printable(name)).toBe('Annagnp.exe x a b');
  });

  it('keeps one value on one line whatever line break it carries', () => {
    expect(oneLine('Anna\r\nrow 2: fake\u2028x\u2029y\u0085z\vw\fv\tu')).toBe('Anna row 2: fake x y z w v u');
  });
});
