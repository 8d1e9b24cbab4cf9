// App name, mode and credit badges, the outbox state, and navigation.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../bridge';
import { formatMoney, outboxLabel } from '../format';
import { useAccountStore } from '../stores/account';
import { useAppStore, type View } from '../stores/app';
import { useOutboxStore } from '../stores/outbox';

const TABS: View[] = ['compose', 'outbox', 'suppression', 'settings'];

export function Header(): React.JSX.Element {
  const { t } = useTranslation();
  const app = useAppStore((s) => s.app);
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const account = useAccountStore((s) => s.account);
  const refreshing = useAccountStore((s) => s.refreshing);
  const refresh = useAccountStore((s) => s.refresh);
  const state = useOutboxStore((s) => s.state);
  const resumeAll = useOutboxStore((s) => s.resumeAll);
  const [resumeError, setResumeError] = useState<string | null>(null);
  const label = outboxLabel(state);

  const credit = account?.credit != null ? formatMoney(account.credit, account.currency) : t('common.none');
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t('app.name')}</h1>
        {app?.mode === 'demo' ? (
          <span className="badge badge-demo" data-testid="mode-badge" title={t('app.demoTitle')}>
            {t('app.demoBadge')}
          </span>
        ) : null}
      </div>
      <div className="header-status">
        <button
          type="button"
          className={account?.low ? 'badge badge-credit badge-low' : 'badge badge-credit'}
          data-testid="credit-badge"
          aria-label={t(account?.low ? 'app.creditAriaLow' : 'app.creditAria', { amount: credit })}
          title={account?.error ?? t('app.creditRefresh')}
          onClick={() => void refresh()}
          disabled={refreshing}
        >
          {t('app.credit', { amount: credit })}
        </button>
        <span className={`outbox-state tone-${label.tone}`} data-testid="outbox-state" role="status">
          {label.text}
        </span>
        {label.canResume ? (
          <button
            type="button"
            className="primary small"
            onClick={() => {
              setResumeError(null);
              resumeAll().catch((e) => setResumeError(errorText(e)));
            }}
          >
            {t('app.resumeSending')}
          </button>
        ) : null}
        {resumeError ? <span className="inline-error">{resumeError}</span> : null}
      </div>
      <nav aria-label={t('app.nav')} className="tabs">
        {TABS.map((v) => (
          <button
            key={v}
            type="button"
            className={view === v ? 'tab tab-active' : 'tab'}
            aria-current={view === v ? 'page' : undefined}
            onClick={() => setView(v)}
          >
            {t(`app.tabs.${v}`)}
          </button>
        ))}
      </nav>
    </header>
  );
}
