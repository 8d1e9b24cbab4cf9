// Results cross the bridge as plain JSON: errors thrown across IPC lose everything but their message.

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
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
