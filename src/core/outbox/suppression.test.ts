// The opt-out list as the Suppression view shows it: what an add reports, how a search matches,
// the order and paging of the list, and removal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { Suppression } from './suppression';

let dir: string;
let db: Db;
let now: number;
let list: Suppression;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-suppression-'));
  db = openDatabase(dir);
  now = 1_000;
  list = new Suppression(db, () => now);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Suppression', () => {
  it('counts only the numbers that were not on the list yet, and keeps the first reason and time', () => {
    expect(list.add(['4520123450', '4520123451'], 'Opted out by SMS')).toBe(2);
    now = 2_000;
    expect(list.add(['4520123451', '4520123452', '4520123452'], 'Imported from stop.csv')).toBe(1);
    expect(list.list('', 0, 50).rows).toEqual([
      { msisdn: '4520123452', reason: 'Imported from stop.csv', addedAt: 2_000 },
      { msisdn: '4520123450', reason: 'Opted out by SMS', addedAt: 1_000 },
      { msisdn: '4520123451', reason: 'Opted out by SMS', addedAt: 1_000 },
    ]);
    expect(list.snapshot()).toEqual(new Set(['4520123450', '4520123451', '4520123452']));
  });

  it('finds a number however it was typed (spaces, +, dashes), with the total of all matches beside one page', () => {
    for (let i = 0; i < 30; i++) {
      now = 1_000 + i;
      list.add([`45201234${String(i).padStart(2, '0')}`], null);
    }
    list.add(['4670000000'], null);
    const page = list.list('+45 2012-34', 0, 10);
    expect(page.total).toBe(30);
    // Newest first: the last one added leads.
    expect(page.rows.map((r) => r.msisdn)).toEqual(Array.from({ length: 10 }, (_, i) => `45201234${29 - i}`));
    expect(list.list('+45 2012-34', 25, 10).rows.map((r) => r.msisdn)).toEqual([
      '4520123404',
      '4520123403',
      '4520123402',
      '4520123401',
      '4520123400',
    ]);
    expect(list.list('46 70', 0, 10)).toEqual({ total: 1, rows: [{ msisdn: '4670000000', reason: null, addedAt: now }] });
    expect(list.list('', 0, 1).total).toBe(31);
  });

  it('removes a number once: a second removal says there was nothing to remove', () => {
    list.add(['4520123450', '4520123451'], null);
    expect(list.remove('4520123450')).toBe(true);
    expect(list.remove('4520123450')).toBe(false);
    expect(list.snapshot()).toEqual(new Set(['4520123451']));
  });
});
