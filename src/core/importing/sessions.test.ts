// Issue 16: several big imports at once must not exhaust main's memory. One file is read or checked
// at a time; a few wait their turn; more are refused with a sentence, and nothing is lost.
import { describe, expect, it } from 'vitest';
import { ImportSessions, OneAtATime } from './sessions';

function bigCsv(rows: number, seed: number): Uint8Array {
  const lines = ['name,phone'];
  for (let i = 0; i < rows; i++) lines.push(`P${seed}-${i},${20000000 + seed * 100000 + i}`);
  return Buffer.from(lines.join('\n'));
}

describe('import work, one at a time', () => {
  it('analyses never overlap; past the waiting limit the call is refused in words', async () => {
    const sessions = new ImportSessions({ maxWaiting: 2 });
    const ids: string[] = [];
    for (let k = 0; k < 4; k++) ids.push((await sessions.preview(`f${k}.csv`, bigCsv(20_000, k), () => null)).importId);
    const spans = new Map<string, { first: number; last: number }>();
    let tick = 0;
    const results = await Promise.allSettled(
      ids.map((id) =>
        sessions.analyse(id, { hasHeader: true, phoneColumn: 1, defaultCountry: 'DK', message: 'Hi', maxParts: 6 }, new Set(), () => {
          const t = ++tick;
          const s = spans.get(id) ?? { first: t, last: t };
          s.last = t;
          spans.set(id, s);
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected']);
    const refused = (results[3] as PromiseRejectedResult).reason as Error & { kind: string };
    expect(refused.kind).toBe('conflict');
    expect(refused.message).toMatch(/already reading or checking a file, and 2 more wait their turn/);
    // The three that ran did so one after the other: no progress of one inside another's span.
    const ordered = [...spans.values()].sort((a, b) => a.first - b.first);
    expect(ordered).toHaveLength(3);
    for (let i = 1; i < ordered.length; i++) expect(ordered[i].first).toBeGreaterThan(ordered[i - 1].last);
    // The refused import is still open: it can be checked now.
    const again = await sessions.analyse(
      ids[3],
      { hasHeader: true, phoneColumn: 1, defaultCountry: 'DK', message: 'Hi', maxParts: 6 },
      new Set(),
      () => {},
    );
    expect(again.accepted).toHaveLength(20_000);
  });

  it('hands the turn on after a failure', async () => {
    const gate = new OneAtATime(1);
    const failing = gate.run(async () => {
      throw new Error('bad file');
    });
    const next = gate.run(async () => 'ran');
    await expect(failing).rejects.toThrow('bad file');
    await expect(next).resolves.toBe('ran');
  });
});
