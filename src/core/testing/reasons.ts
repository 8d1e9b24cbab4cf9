// Stored reasons are message codes (JSON): tests read them as the English sentence a user sees.
import { parseStoredReason } from '../../shared/i18n/messages';
import { translate } from '../../shared/i18n/translate';

export function storedReasonText(stored: string | null | undefined, lang: 'en' | 'da' | 'sv' | 'nb' = 'en'): string {
  const reason = parseStoredReason(stored);
  return reason ? translate(lang, reason) : '';
}
