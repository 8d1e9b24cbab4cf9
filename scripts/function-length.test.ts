// The lint guard on function length: it must catch a long function, and not count tests' describe()
// blocks or a store's object of methods as one function.
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { longFunctions } from './function-length.mjs';

const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');

describe('function-length guard', () => {
  it('reports a function over the limit with its name and length, and passes one at the limit', () => {
    const long = `export function big() {\n${body(119)}\n}\n`;
    expect(longFunctions('a.ts', long)).toEqual([{ file: 'a.ts', line: 1, name: 'big', lines: 121 }]);
    const ok = `const small = () => {\n${body(118)}\n};\n`;
    expect(longFunctions('a.ts', ok)).toEqual([]);
  });

  it('measures the parts of describe() blocks and object-of-methods factories, not the whole', () => {
    const suite = `describe('x', () => {\n${body(200)}\n});\n`;
    expect(longFunctions('a.test.ts', suite)).toEqual([]);
    const store = `create((set) => ({\n  a() {\n${body(10)}\n  },\n${Array.from({ length: 150 }, (_, i) => `  k${i}: ${i},`).join('\n')}\n}));\n`;
    expect(longFunctions('store.ts', store)).toEqual([]);
    const longMethod = `create((set) => ({\n  a() {\n${body(130)}\n  },\n}));\n`;
    expect(longFunctions('store.ts', longMethod).map((f: { name: string }) => f.name)).toEqual(['a']);
  });

  it('reads TSX (a long component is a long function)', () => {
    const view = `export function View() {\n  return (\n    <div>\n${Array.from({ length: 130 }, () => '      <p>x</p>').join('\n')}\n    </div>\n  );\n}\n`;
    expect(longFunctions('View.tsx', view).map((f: { name: string }) => f.name)).toEqual(['View']);
  });
});
