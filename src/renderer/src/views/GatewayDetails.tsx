// GatewayAPI's own words, one click away beside ours (a disclosure): what support asks for, and
// the only words there are for a code we have no translation of. Marked as untranslated on purpose.
import { gatewayOriginal, type Message } from '../../../shared/i18n/messages';
import { t } from '../i18n';

export function GatewayDetails({ message }: { message: Message | null | undefined }) {
  const o = gatewayOriginal(message);
  if (!o?.original) return null;
  return (
    <details className="gateway-details">
      <summary>{t('common.gatewayText')}</summary>
      <q lang="en" data-untranslated="gatewayapi">
        {o.original}
      </q>
    </details>
  );
}
