// The type of each language's command-line words: the catalog entries of every cli_* code.
import type { Catalog } from '../../catalog';
import type { CliMessage } from '../../cliMessages';

export type CliCatalog = Pick<Catalog, CliMessage['code']>;

/** Ends a sentence with exactly one full stop ("…by itself." never becomes "…by itself.."). */
export function sentence(text: string): string {
  const t = text.trimEnd();
  // A value may end the text: its pseudo-language mark (\u0002) or bidi isolate (U+2069) comes after the stop.
  return /[.!?…][\u0002\u2069]*$/.test(t) ? t : `${t}.`;
}
