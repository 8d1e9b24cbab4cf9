// A suppression (opt-out) list from a file: read like any import (same limits, parsed in chunks),
// and every cell that holds a run of digits counts as a number; the header and other columns fall out.
import type { PhoneProblem } from '../../shared/i18n/messages';
import { ImportError } from './errors';
import { normaliseMsisdn, type CountryCode } from './phone';
import { readCsvFile } from './read';

/** Numbers normalised and stored between two turns of the event loop. */
const CHUNK = 2000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface SuppressionImport {
  added: number;
  /** The first 100 cells that are no phone number, with why. */
  invalid: { value: string; message: string; text: PhoneProblem }[];
}

/**
 * `add` stores one chunk of normalised numbers (its own transaction: opt-outs stored before a crash
 * are kept, which is the safe side) and returns how many were new.
 */
export async function importSuppressionFile(
  bytes: Uint8Array,
  fileName: string,
  country: CountryCode,
  add: (msisdns: string[]) => number,
): Promise<SuppressionImport> {
  const { rows } = await readCsvFile(bytes, { fileName });
  const cells: string[] = [];
  for (const row of rows) for (const cell of row) if (/\d{4}/.test(cell)) cells.push(cell);
  if (cells.length === 0) throw new ImportError('empty', { code: 'file_no_numbers', fileName });
  let added = 0;
  const invalid: SuppressionImport['invalid'] = [];
  for (let i = 0; i < cells.length; i += CHUNK) {
    if (i > 0) await yieldToEventLoop();
    const good: string[] = [];
    for (const v of cells.slice(i, i + CHUNK)) {
      const n = normaliseMsisdn(v, country);
      if (n.ok) good.push(n.msisdn);
      else if (invalid.length < 100) invalid.push({ value: v, message: n.message, text: n.problem });
    }
    added += add(good);
  }
  return { added, invalid };
}
