// Saved messages in the store: save, update and delete reload the list and say what happened; a
// name main refuses is shown at the name field.
import { beforeEach, describe, expect, it } from 'vitest';
import { applyLanguage } from '../i18n';
import { installFakeBridge } from '../testing/fakeBridge';
import { useTemplatesStore } from './templates';

let rows: { id: number; name: string; text: string; updatedAt: number }[];
beforeEach(() => {
  applyLanguage('en');
  rows = [];
  let next = 1;
  installFakeBridge({
    'template.list': () => rows,
    'template.save': (t) => {
      if (rows.some((r) => r.name.toLowerCase() === t.name.toLowerCase() && r.id !== t.id)) {
        throw Object.assign(new Error(`A saved message is already called “${t.name}”: choose another name.`), {
          kind: 'invalid_input',
          field: 'name',
        });
      }
      const row = { id: t.id ?? next++, name: t.name, text: t.text, updatedAt: 1 };
      rows = [...rows.filter((r) => r.id !== row.id), row];
      return row;
    },
    'template.delete': ({ id }) => {
      rows = rows.filter((r) => r.id !== id);
      return { deleted: true };
    },
  });
  useTemplatesStore.setState({ templates: [], loaded: false, errors: {}, status: null });
});

describe('templates store', () => {
  it('saves, updates and deletes, keeping the list in step', async () => {
    const s = useTemplatesStore.getState;
    const saved = await s().save({ name: 'Tilbud', text: 'Hej %Navn%' });
    expect(s().templates).toEqual([saved]);
    expect(s().status).toEqual({ ok: true, text: 'Saved “Tilbud”.' });
    await s().save({ id: saved!.id, name: 'Tilbud', text: 'Hej igen' });
    expect(s().templates[0].text).toBe('Hej igen');
    expect(s().status?.text).toBe('Updated “Tilbud”.');
    await s().remove(saved!.id);
    expect(s().templates).toEqual([]);
    expect(s().status?.text).toBe('Deleted “Tilbud”.');
  });

  it('puts a refused name at the name field and keeps the list', async () => {
    const s = useTemplatesStore.getState;
    await s().save({ name: 'Tilbud', text: 'a' });
    expect(await s().save({ name: 'tilbud', text: 'b' })).toBeNull();
    expect(s().errors.name).toContain('already called');
    expect(s().templates).toHaveLength(1);
  });
});
