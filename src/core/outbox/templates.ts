// Saved message texts ("templates") the user reuses across campaigns. Kept in the data folder's
// database beside the campaigns, so the app and a backup of the folder carry them together.
import type { MessageTemplate } from '../../shared/contract';
import { AppError } from '../../shared/result';
import type { Db } from '../db/open';

interface Row {
  id: number;
  name: string;
  text: string;
  updated_at: number;
}

const toTemplate = (r: Row): MessageTemplate => ({ id: r.id, name: r.name, text: r.text, updatedAt: r.updated_at });

export class Templates {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Every template, by name (case-insensitive), so the picker reads like a list of names. */
  list(): MessageTemplate[] {
    return (this.db.prepare('SELECT id, name, text, updated_at FROM templates ORDER BY name COLLATE NOCASE, id').all() as Row[]).map(
      toTemplate,
    );
  }

  /** Inserts (no id) or updates (id) a template; a name another template has is refused at 'name'. */
  save(t: { id?: number | null; name: string; text: string }): MessageTemplate {
    const name = t.name.trim();
    if (!name) throw new AppError('invalid_input', { code: 'template_name_missing' }, 'name');
    if (!t.text.trim()) throw new AppError('invalid_input', { code: 'template_text_missing' }, 'text');
    const clash = this.db.prepare('SELECT id FROM templates WHERE name = ? COLLATE NOCASE').get(name) as { id: number } | undefined;
    if (clash && clash.id !== t.id) {
      throw new AppError('invalid_input', { code: 'template_name_taken', name }, 'name');
    }
    if (t.id != null) {
      const changed = this.db
        .prepare('UPDATE templates SET name = ?, text = ?, updated_at = ? WHERE id = ?')
        .run(name, t.text, this.now(), t.id).changes;
      if (!changed) throw new AppError('not_found', { code: 'template_gone' }, 'id');
      return this.get(t.id);
    }
    const id = Number(
      this.db.prepare('INSERT INTO templates (name, text, updated_at) VALUES (?, ?, ?)').run(name, t.text, this.now()).lastInsertRowid,
    );
    return this.get(id);
  }

  delete(id: number): boolean {
    return this.db.prepare('DELETE FROM templates WHERE id = ?').run(id).changes > 0;
  }

  private get(id: number): MessageTemplate {
    return toTemplate(this.db.prepare('SELECT id, name, text, updated_at FROM templates WHERE id = ?').get(id) as Row);
  }
}
