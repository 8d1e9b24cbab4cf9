import { describe, expect, it } from 'vitest';
import { smsParts } from '../../shared/sms';
import { mergedSmsParts, parseMergeFields, renderMessage } from './merge';

const headers = ['Navn', 'Mobil', 'By', 'First Name'];

describe('parseMergeFields', () => {
  it('matches tags to headers ignoring case and rewrites them to one canonical spelling', () => {
    const m = parseMergeFields('Hej %navn% fra %BY%, vi ses, %Navn%!', headers);
    expect(m).toEqual({
      tags: ['%Navn%', '%By%'],
      columns: [0, 2],
      rewritten: 'Hej %Navn% fra %By%, vi ses, %Navn%!',
      unknown: [],
    });
  });

  it('leaves percent signs that name no column as text', () => {
    const m = parseMergeFields('20% off, 30% on Sundays', headers);
    expect(m).toEqual({ tags: [], columns: [], rewritten: '20% off, 30% on Sundays', unknown: [] });
  });

  it('finds a tag that follows a lone percent sign', () => {
    const m = parseMergeFields('20% off for %first name% in %by%', headers);
    expect(m.rewritten).toBe('20% off for %First Name% in %By%');
    expect(m.tags).toEqual(['%First Name%', '%By%']);
    expect(m.columns).toEqual([3, 2]);
  });

  it('reports tag-like words that name no column, once each', () => {
    const m = parseMergeFields('Hej %fornavn%, %fornavn% og %Navn% (100% sikkert)', headers);
    expect(m.unknown).toEqual(['%fornavn%']);
    expect(m.rewritten).toBe('Hej %fornavn%, %fornavn% og %Navn% (100% sikkert)');
  });

  it('works without headers (a file without header row uses Column 1…)', () => {
    const m = parseMergeFields('Hej %column 1%', ['Column 1', 'Column 2']);
    expect(m.rewritten).toBe('Hej %Column 1%');
  });
});

describe('renderMessage', () => {
  it('replaces each tag literally, as GatewayAPI does', () => {
    const { rewritten, tags } = parseMergeFields('Hej %navn%, velkommen til %by%. Mvh %navn%', headers);
    expect(renderMessage(rewritten, tags, ['Søren', 'Århus'])).toBe('Hej Søren, velkommen til Århus. Mvh Søren');
  });

  it('does not treat $ or % in a value specially', () => {
    const { rewritten, tags } = parseMergeFields('Pris: %navn%', headers);
    expect(renderMessage(rewritten, tags, ['$& 50% $1'])).toBe('Pris: $& 50% $1');
  });

  it('does not re-scan a value that looks like a tag', () => {
    const { rewritten, tags } = parseMergeFields('%navn% / %by%', headers);
    expect(renderMessage(rewritten, tags, ['%By%', 'Køge'])).toBe('%By% / Køge');
  });

  it('returns the message as it is without tags', () => {
    expect(renderMessage('20% off', [], [])).toBe('20% off');
  });
});

describe('mergedSmsParts', () => {
  it('equals counting the rendered text, for GSM-7, extension, UCS-2 and emoji values', () => {
    const merge = parseMergeFields('Hej %navn%, din tid i %by% er bekræftet. {%navn%}', headers);
    const values = ['Søren', 'Ærøskøbing', 'Ĝorĝo', '€€€', '😀', 'x'.repeat(200), 'ê'.repeat(60), '[]'.repeat(70), ''];
    for (const name of values) {
      for (const city of values) {
        const row = [name, '20123456', city, ''];
        const text = renderMessage(
          merge.rewritten,
          merge.tags,
          merge.columns.map((c) => row[c]),
        );
        expect(mergedSmsParts(merge, row), text).toEqual(smsParts(text));
      }
    }
  });
});
