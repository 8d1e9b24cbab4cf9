// Saved messages: insert, update, delete, unique names; they survive reopening the data folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../db/open';
import { Templates } from './templates';

let dir: string;
let db: Db;
let now = 1_000;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sms-outbox-templates-'));
  db = openDatabase(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Templates', () => {
  it('inserts, lists by name, updates and deletes', () => {
    const t = new Templates(db, () => now++);
    const a = t.save({ name: 'Åbningstider', text: 'Vi har åbent 10-18, %Navn%' });
    const b = t.save({ name: 'aftale', text: 'Husk din aftale i morgen' });
    expect(t.list().map((x) => x.name)).toEqual(['aftale', 'Åbningstider']);

    const updated = t.save({ id: b.id, name: 'Aftale', text: 'Husk din aftale i morgen kl. 10' });
    expect(updated).toMatchObject({ id: b.id, name: 'Aftale', text: 'Husk din aftale i morgen kl. 10' });
    expect(updated.updatedAt).toBeGreaterThan(b.updatedAt);

    expect(t.delete(a.id)).toBe(true);
    expect(t.delete(a.id)).toBe(false);
    expect(t.list().map((x) => x.id)).toEqual([b.id]);
  });

  it('keeps templates in the data folder (reopened, they are still there)', () => {
    new Templates(db).save({ name: 'Tilbud', text: 'Forårstilbud: 20 % på alt' });
    db.close();
    db = openDatabase(dir);
    expect(new Templates(db).list()).toMatchObject([{ name: 'Tilbud', text: 'Forårstilbud: 20 % på alt' }]);
  });

  it('refuses a name another template has (any case) at the name field, and keeps both texts', () => {
    const t = new Templates(db);
    t.save({ name: 'Tilbud', text: 'A' });
    const other = t.save({ name: 'Andet', text: 'B' });
    expect(() => t.save({ name: 'TILBUD', text: 'C' })).toThrow(
      expect.objectContaining({
        kind: 'invalid_input',
        field: 'name',
        message: 'A saved message is already called “TILBUD”: choose another name.',
      }),
    );
    expect(() => t.save({ id: other.id, name: 'tilbud', text: 'B' })).toThrow(expect.objectContaining({ field: 'name' }));
    expect(
      t
        .list()
        .map((x) => x.text)
        .sort(),
    ).toEqual(['A', 'B']);
  });

  it('refuses an empty name or text, and an update of a template that is gone', () => {
    const t = new Templates(db);
    // The sentence the form shows beside the field it names.
    expect(() => t.save({ name: '  ', text: 'x' })).toThrow(
      expect.objectContaining({ kind: 'invalid_input', field: 'name', message: 'Give the saved message a name.' }),
    );
    expect(() => t.save({ name: 'x', text: ' ' })).toThrow(
      expect.objectContaining({ kind: 'invalid_input', field: 'text', message: 'Write the message first.' }),
    );
    expect(() => t.save({ id: 99, name: 'x', text: 'y' })).toThrow(
      expect.objectContaining({ kind: 'not_found', field: 'id', message: 'That saved message no longer exists.' }),
    );
    expect(t.list()).toEqual([]);
  });
});
