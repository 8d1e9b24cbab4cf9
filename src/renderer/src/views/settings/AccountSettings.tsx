// "Am I in demo or live, where is my data, and is my token set?"
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mode } from '../../../../shared/contract';
import { errorText } from '../../bridge';
import { InlineError } from '../../components/InlineError';
import { useAppStore } from '../../stores/app';
import { TokenForm } from '../TokenForm';

export function AccountSettings({ mode, dataDir }: { mode: Mode; dataDir: string }): React.JSX.Element {
  const { t } = useTranslation();
  const setMode = useAppStore((s) => s.setMode);
  const [modeError, setModeError] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="account-settings">
      <h2 id="account-settings">{t('settings.accountTitle')}</h2>
      <p className="muted">
        {t('settings.mode')} <strong>{mode === 'demo' ? t('settings.modeDemo') : t('settings.modeLive')}</strong> ·{' '}
        {t('settings.dataFolder')} <code>{dataDir}</code>
      </p>
      <div className="row mode-row">
        {mode === 'demo' ? (
          <button type="button" onClick={() => setMode('live').catch((e) => setModeError(errorText(e)))}>
            {t('settings.leaveDemo')}
          </button>
        ) : (
          <button type="button" onClick={() => setMode('demo').catch((e) => setModeError(errorText(e)))}>
            {t('settings.enterDemo')}
          </button>
        )}
        <InlineError message={modeError} inline />
      </div>
      {mode === 'live' ? <TokenForm /> : <p className="muted">{t('settings.demoNoToken')}</p>}
    </section>
  );
}
