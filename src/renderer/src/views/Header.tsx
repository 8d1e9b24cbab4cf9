// App name, mode and credit badges, the outbox state, and navigation.
import { useState } from 'react';
import { errorText } from '../bridge';
import { formatMoney, outboxLabel } from '../format';
import { useAccountStore } from '../stores/account';
import { useAppStore, type View } from '../stores/app';
import { useOutboxStore } from '../stores/outbox';

const TABS: { view: View; label: string }[] = [
  { view: 'compose', label: 'Compose' },
  { view: 'outbox', label: 'Outbox' },
  { view: 'suppression', label: 'Suppression list' },
  { view: 'settings', label: 'Settings' },
];

export function Header(): React.JSX.Element {
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

  const credit = account?.credit != null ? formatMoney(account.credit, account.currency) : '—';
  return (
    <header className="app-header">
      <div className="brand">
        <h1>SMS Outbox</h1>
        {app?.mode === 'demo' ? (
          <span className="badge badge-demo" data-testid="mode-badge" title="Built-in simulator: nothing is really sent">
            DEMO
          </span>
        ) : null}
      </div>
      <div className="header-status">
        <button
          type="button"
          className={account?.low ? 'badge badge-credit badge-low' : 'badge badge-credit'}
          data-testid="credit-badge"
          aria-label={`Credit ${credit}${account?.low ? ' (low)' : ''}. Refresh credit`}
          title={account?.error ?? 'Click to refresh'}
          onClick={() => void refresh()}
          disabled={refreshing}
        >
          Credit: {credit}
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
            Resume sending
          </button>
        ) : null}
        {resumeError ? <span className="inline-error">{resumeError}</span> : null}
      </div>
      <nav aria-label="Main" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.view}
            type="button"
            className={view === t.view ? 'tab tab-active' : 'tab'}
            aria-current={view === t.view ? 'page' : undefined}
            onClick={() => setView(t.view)}
          >
            {t.label}
          </button>
        ))}
      </nav>
    </header>
  );
}
