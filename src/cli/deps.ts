// What the CLI takes from its surroundings: injected so tests run it in-process with a fake
// terminal, environment and keychain, and index.ts wires in the real ones.
import type { SecretStore } from '../core/secrets/secretStore';
import type { FetchFn } from '../core/types';
import type { ExitCode } from './exitCodes';
import type { Message } from '../shared/i18n/messages';
import { translate } from '../shared/i18n/translate';
// The CLI's own words join the shared catalogs before anything is said.
import '../shared/i18n/catalogs/cli';

export interface CliDeps {
  env: NodeJS.ProcessEnv;
  stdout(text: string): void;
  stderr(text: string): void;
  /** stdout is a terminal: the progress line is rewritten in place. */
  interactive: boolean;
  /** Asks a question on the terminal; null when there is none to answer it. */
  ask: ((question: string) => Promise<string>) | null;
  /** The keychain the app saves the token in; only asked when GATEWAYAPI_TOKEN is unset. */
  secrets(): SecretStore;
  fetch: FetchFn;
  /** Aborted by Ctrl-C: stop claiming, let requests under way finish, print the summary. */
  signal: AbortSignal;
  /** How long a full disk is waited out before giving up with exit 6 (default 5 min; tests shorten it). */
  diskFullWaitMs?: number;
  /** Progress refresh interval (ms); tests shorten it. */
  tickMs?: number;
  /** Demo simulator timings (ms); tests shorten them. */
  demo?: { statusDelayMs?: number; notFoundUntilMs?: number; pollScheduleMs?: number[] };
}

/** An expected failure: one line for the user (a message code, said in the CLI's language) and the exit code. */
export class CliError extends Error {
  constructor(
    readonly code: ExitCode,
    readonly text: Message,
  ) {
    super(translate('en', text));
    this.name = 'CliError';
  }
}
