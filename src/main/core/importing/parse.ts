// Split decoded CSV text into records with Papa Parse.

import Papa from 'papaparse';
import { ImportError } from './errors';
import type { Delimiter } from './sniff';

export interface ParsedCsv {
  /** Records that hold at least one non-blank cell, cells as written (not trimmed). */
  rows: string[][];
  /**
   * For each record, its row number in a spreadsheet (1-based). Blank lines are rows there too,
   * and a quoted cell with line breaks stays one row, so this is not the text line number.
   */
  rowNos: number[];
}

/**
 * Parses the whole text at once: the file is already in memory (≤ 50 MB) and Papa Parse's string
 * parser is its fastest path. Blank records are dropped here (like skipEmptyLines: 'greedy') rather
 * than by Papa Parse, so that each kept record still knows its spreadsheet row number.
 */
export function parseCsv(text: string, delimiter: Delimiter): ParsedCsv {
  const result = Papa.parse<string[]>(text, { header: false, delimiter, skipEmptyLines: false });
  const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
  if (unclosed) {
    const rowNo = (unclosed.row ?? 0) + 1;
    throw new ImportError(
      'unclosed_quote',
      `Row ${rowNo} opens a quote (") that is never closed, so everything after it would be read as one cell. ` +
        `Fix that quote in row ${rowNo} and import again.`,
    );
  }
  const rows: string[][] = [];
  const rowNos: number[] = [];
  const data = result.data;
  for (let i = 0; i < data.length; i++) {
    const record = data[i];
    if (isBlank(record)) continue;
    rows.push(record);
    rowNos.push(i + 1);
  }
  return { rows, rowNos };
}

function isBlank(record: string[]): boolean {
  for (let i = 0; i < record.length; i++) if (record[i].trim() !== '') return false;
  return true;
}
