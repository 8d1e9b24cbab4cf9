// Campaigns the app stopped storing half-way (it crashed or was killed while storing one in chunks):
// they are never shown nor sent, so each gets a banner that says so and offers to discard it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { translate } from '../../../shared/i18n/translate';
import type { UiLanguage } from '../../../shared/i18n/languages';
import type { Message } from '../../../shared/i18n/messages';
import type { HalfStoredCampaign } from '../../../shared/contract';
import { errorText } from '../bridge';
import { useOutboxStore } from '../stores/outbox';

const NONE: HalfStoredCampaign[] = [];

export function HalfStoredBanners(): React.JSX.Element | null {
  const { i18n } = useTranslation();
  const half = useOutboxStore((s) => s.state?.halfStored ?? NONE); // one array: a new [] each time re-renders forever
  const discard = useOutboxStore((s) => s.discardHalfStored);
  const [error, setError] = useState<string | null>(null);
  if (half.length === 0) return null;
  // Texts from the shared message catalog (the window's own i18n has not moved to it yet).
  const words = (m: Message) => translate((i18n.language || 'en') as UiLanguage, m);
  return (
    <>
      {half.map((c) => (
        <div key={c.id} className="banner banner-warn" role="alert" data-testid="half-stored-banner">
          {words({ code: 'campaign_half_stored', name: c.name, stored: c.stored, createdAt: c.createdAt })}
          <button
            type="button"
            onClick={() =>
              discard(c.id).then(
                () => setError(null),
                (e: unknown) => setError(errorText(e)),
              )
            }
          >
            {words({ code: 'discard_half_stored', name: c.name })}
          </button>
        </div>
      ))}
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
    </>
  );
}
