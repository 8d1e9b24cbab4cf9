// A file the importer refuses as a whole; nothing from it may be stored.
import type { Message } from '../../shared/i18n/messages';
import { translate } from '../../shared/i18n/translate';

export type ImportErrorCode =
  'too_large' | 'too_wide' | 'empty' | 'header_only' | 'binary' | 'unclosed_quote' | 'no_phone_column' | 'bad_mapping' | 'bad_country';

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  /** For no_phone_column: the columns found, so the UI can let the user pick one and retry. */
  readonly headers?: string[];
  /** What to tell the user, as a code; `message` is its English wording. */
  readonly text: Message;
  constructor(code: ImportErrorCode, text: Message, details: { headers?: string[] } = {}) {
    super(translate('en', text));
    this.text = text;
    this.name = 'ImportError';
    this.code = code;
    if (details.headers) this.headers = details.headers;
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError;
}

export function emptyFileError(): ImportError {
  return new ImportError('empty', { code: 'file_empty' });
}
