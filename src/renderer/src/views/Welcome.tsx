// First run (live mode, no token): try the built-in simulator, or enter a token.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../bridge';
import { useAppStore } from '../stores/app';
import { TokenForm } from './TokenForm';
import { InlineError } from '../components/InlineError';

export function Welcome(): React.JSX.Element {
  const { t } = useTranslation();
  const setMode = useAppStore((s) => s.setMode);
  const keychainOk = useAppStore((s) => s.app?.keychain.ok ?? true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section className="panel welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">{t('welcome.title')}</h2>
      <p>{t('welcome.intro')}</p>
      <div className="welcome-options">
        <div className="welcome-option">
          <h3>{t('welcome.tryTitle')}</h3>
          <p>{t('welcome.tryText')}</p>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              setError(null);
              setMode('demo')
                .catch((e) => setError(errorText(e)))
                .finally(() => setBusy(false));
            }}
          >
            {t('welcome.tryButton')}
          </button>
          <InlineError message={error} />
        </div>
        <div className="welcome-option">
          <h3>{t('welcome.accountTitle')}</h3>
          <p>
            {t('welcome.accountText')} {keychainOk ? t('welcome.keychainStored') : t('welcome.keychainMemory')} {t('welcome.euHint')}
          </p>
          <TokenForm />
        </div>
      </div>
    </section>
  );
}
