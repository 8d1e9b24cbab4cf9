// A file the importer refuses as a whole; nothing from it may be stored.

export type ImportErrorCode =
  | 'too_large'
  | 'empty'
  | 'header_only'
  | 'binary'
  | 'unclosed_quote'
  | 'no_phone_column'
  | 'bad_mapping'
  | 'bad_country';

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  /** `message` is written for the user: say what is wrong and what to do. */
  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}
