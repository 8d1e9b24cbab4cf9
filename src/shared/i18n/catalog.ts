// The type every language's catalog has: words for every message code. A catalog missing a code, or
// reading a parameter the code does not have, fails `tsc`.
import type { Formatter } from './format';
import type { CliMessage } from './cliMessages';
import type { Message, MessageCode, MessageOf } from './messages';

export interface Tools extends Formatter {
  /** Words for a nested message (a pause's cause, a test number's problem). */
  t(m: Message): string;
}

export type Catalog = { readonly [C in MessageCode]: (m: MessageOf<C>, f: Tools) => string };

/**
 * The words every process needs (the window, main, the CLI). The command line's own words
 * (catalogs/cli, typed CliCatalog) are added by the CLI only, so the window's bundle does not carry them.
 */
export type AppCatalog = Omit<Catalog, CliMessage['code']>;

/** "HTTP 403, 0x0216": how GatewayAPI's answer is named in every language (support asks for it). */
export function answerLabel(m: { httpStatus: number | null; gwCode: string | null }): string {
  const parts = [m.httpStatus != null ? `HTTP ${m.httpStatus}` : null, m.gwCode].filter((p): p is string => !!p);
  return parts.join(', ');
}

/** " (HTTP 403, 0x0216)" after a sentence, or nothing when there was no answer. */
export function answerSuffix(m: { httpStatus: number | null; gwCode: string | null }): string {
  const l = answerLabel(m);
  return l ? ` (${l})` : '';
}
