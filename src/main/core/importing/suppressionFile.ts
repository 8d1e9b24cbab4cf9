// Reading a suppression-list file: any CSV (or plain list) whose cells hold phone numbers.
import { ImportError } from './errors';
import { parseCsv } from './parse';
import { decodeCsvBytes, sniffDelimiter } from './sniff';

/** Every cell that looks like a phone number; the header and other columns fall out. */
export function readSuppressionFile(bytes: Uint8Array, fileName: string): string[] {
  const { text } = decodeCsvBytes(bytes);
  const { rows } = parseCsv(text, sniffDelimiter(text));
  const numbers = rows.flatMap((row) => row.filter((cell) => /\d{4}/.test(cell)));
  if (numbers.length === 0) throw new ImportError('empty', `${fileName} holds no phone numbers.`);
  return numbers;
}
