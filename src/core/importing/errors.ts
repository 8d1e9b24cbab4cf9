// A file the importer refuses as a whole; nothing from it may be stored.

export type ImportErrorCode =
  'too_large' | 'too_wide' | 'empty' | 'header_only' | 'binary' | 'unclosed_quote' | 'no_phone_column' | 'bad_mapping' | 'bad_country';

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  /** For no_phone_column: the columns found, so the UI can let the user pick one and retry. */
  readonly headers?: string[];
  /** `message` is written for the user: say what is wrong and what to do. */
  constructor(code: ImportErrorCode, message: string, details: { headers?: string[] } = {}) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    if (details.headers) this.headers = details.headers;
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}

export function emptyFileError(): ImportError {
  return new ImportError('empty', 'The file is empty: there are no rows to import.');
}
