import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from './args';
import { resolvePhoneColumn } from './columns';
import { resolveDataDir } from './folder';

const env = { SMS_OUTBOX_DATA_DIR: '/srv/outbox' } as NodeJS.ProcessEnv;

describe('resolveDataDir', () => {
  it("uses the app's folder, its demo folder with --demo, or --data-dir", () => {
    expect(resolveDataDir({ dataDir: null, demo: false }, env)).toBe('/srv/outbox');
    expect(resolveDataDir({ dataDir: null, demo: true }, env)).toBe(path.join('/srv/outbox', 'demo'));
    expect(resolveDataDir({ dataDir: '/tmp/x', demo: true }, env)).toBe('/tmp/x');
    expect(resolveDataDir({ dataDir: 'rel', demo: false }, env)).toBe(path.resolve('rel'));
  });

  it('never lets demo and live sending share a folder', () => {
    expect(() => resolveDataDir({ dataDir: '/srv/outbox', demo: true }, env)).toThrow(/--demo cannot use the live data folder/);
    expect(() => resolveDataDir({ dataDir: '/srv/outbox/demo/', demo: false }, env)).toThrow(/is the demo data folder/);
  });
});

describe('resolvePhoneColumn', () => {
  const file = { fileName: 'c.csv', headers: ['Name', 'Mobile', 'City'], hasHeader: true, guessed: 1 };

  it('takes the guess, a header name in any case, or a 1-based number', () => {
    expect(resolvePhoneColumn(null, file)).toBe(1);
    expect(resolvePhoneColumn('city', file)).toBe(2);
    expect(resolvePhoneColumn(' NAME ', file)).toBe(0);
    expect(resolvePhoneColumn('3', file)).toBe(2);
  });

  it('says which columns exist when the choice is wrong', () => {
    expect(() => resolvePhoneColumn('Phone', file)).toThrow(UsageError);
    expect(() => resolvePhoneColumn('Phone', file)).toThrow(
      '--phone-column "Phone": c.csv has no such column (columns: "Name", "Mobile", "City").',
    );
    expect(() => resolvePhoneColumn('4', file)).toThrow('--phone-column 4: c.csv has 3 columns.');
    expect(() => resolvePhoneColumn(null, { ...file, guessed: null })).toThrow(
      /No column in c.csv looks like phone numbers .*--phone-column/,
    );
    expect(() => resolvePhoneColumn('Mobile', { ...file, hasHeader: false })).toThrow(
      /has no header row; give the column's number \(1-3\)/,
    );
  });
});
