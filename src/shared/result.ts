// Results cross the bridge as plain JSON: errors thrown across IPC lose everything but their message.
// An error carries a message code with parameters (`text`): the window says it in the user's
// language; `message` is the English wording, for logs and old callers.
import type { Message } from './i18n/messages';
import { translate } from './i18n/translate';

export type ErrorKind =
  | 'invalid_input' // the call's input failed validation (field names the setting/field)
  | 'not_found'
  | 'import' // the file could not be imported (message says why)
  | 'keychain' // no OS keychain reachable
  | 'gateway' // GatewayAPI said no (message says what to do)
  | 'conflict' // e.g. another sender holds the data folder
  | 'declined' // main asked the user in its own dialog, and the answer was no: nothing was done
  | 'internal';

export interface BridgeError {
  kind: ErrorKind;
  message: string;
  /** What to tell the user, as a code (absent only from very old callers). */
  text?: Message;
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly text: Message,
    readonly field?: string,
  ) {
    super(translate('en', text));
    this.name = 'AppError';
  }
}
