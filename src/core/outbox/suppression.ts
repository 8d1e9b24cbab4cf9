// Opt-outs: numbers that must never be sent to, kept in SQLite.
import type { Db } from '../db/open';
import type { SuppressionRow } from '../../shared/contract';

export class Suppression {
  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  add(msisdns: string[], reason: string | null): number {
    return this.db
      .transaction(() => {
        const ins = this.db.prepare('INSERT INTO suppression (msisdn, reason, added_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING');
        let n = 0;
        for (const m of msisdns) n += ins.run(m, reason, this.now()).changes;
        return n;
      })
      .immediate();
  }

  remove(msisdn: string): boolean {
    return this.db.prepare('DELETE FROM suppression WHERE msisdn = ?').run(msisdn).changes > 0;
  }

  /** A snapshot set for an import: one query instead of one per row. */
  snapshot(): Set<string> {
    return new Set(this.db.prepare('SELECT msisdn FROM suppression').pluck().all() as string[]);
  }

  list(search: string, offset: number, limit: number): { total: number; rows: SuppressionRow[] } {
    const like = `%${search.replace(/\D/g, '')}%`;
    const total = (this.db.prepare('SELECT COUNT(*) AS n FROM suppression WHERE msisdn LIKE ?').get(like) as { n: number }).n;
    const rows = this.db
      .prepare(
        'SELECT msisdn, reason, added_at AS addedAt FROM suppression WHERE msisdn LIKE ? ORDER BY added_at DESC, msisdn LIMIT ? OFFSET ?',
      )
      .all(like, limit, offset) as SuppressionRow[];
    return { total, rows };
  }
}
