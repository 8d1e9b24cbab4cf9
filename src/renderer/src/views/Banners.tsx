// App-wide warnings: low credit, paused queue, keychain trouble, another sender, notices from main.
import { useState } from 'react';
import { errorText } from '../bridge';
import { formatMoney, waitingCount } from '../format';
import { useAccountStore } from '../stores/account';
import { useAppStore } from '../stores/app';
import { useOutboxStore } from '../stores/outbox';

export function Banners(): React.JSX.Element {
  const app = useAppStore((s) => s.app);
  const notices = useAppStore((s) => s.notices);
  const dismiss = useAppStore((s) => s.dismissNotice);
  const setView = useAppStore((s) => s.setView);
  const loadError = useAppStore((s) => s.loadError);
  const account = useAccountStore((s) => s.account);
  const state = useOutboxStore((s) => s.state);
  const resumeAll = useOutboxStore((s) => s.resumeAll);
  const [error, setError] = useState<string | null>(null);
  const resume = () => {
    setError(null);
    resumeAll().catch((e) => setError(errorText(e)));
  };

  return (
    <div className="banners" aria-live="polite">
      {loadError ? <div className="banner banner-error" role="alert">{loadError}</div> : null}
      {state?.paused === 'auth' ? (
        <div className="banner banner-error" role="alert">
          Sending is paused: GatewayAPI did not accept the token. {state.pauseMessage}
          <button type="button" onClick={() => setView('settings')}>
            Enter a new token
          </button>
          <button type="button" onClick={resume}>
            Resume
          </button>
        </div>
      ) : null}
      {state?.paused === 'credit' ? (
        <div className="banner banner-error" role="alert">
          Sending is paused: the account has run out of credit ({waitingCount(state)} waiting). Top up, then
          resume.
          <button type="button" onClick={resume}>
            Resume
          </button>
        </div>
      ) : null}
      {state?.paused === 'frozen' ? (
        <div className="banner banner-error" role="alert">
          Sending is paused: GatewayAPI reports the account as frozen. Contact GatewayAPI support, then resume.
          <button type="button" onClick={resume}>
            Resume
          </button>
        </div>
      ) : null}
      {state?.paused === 'account' || state?.paused === 'unreachable' ? (
        <div className={`banner ${state.paused === 'account' ? 'banner-error' : 'banner-warn'}`} role="alert" data-testid={`paused-${state.paused}-banner`}>
          Sending is paused: {state.pauseMessage}
          <button type="button" onClick={resume}>
            Resume
          </button>
        </div>
      ) : null}
      {state?.paused === 'user' ? (
        <div className="banner banner-warn">
          You paused all sending.
          <button type="button" onClick={resume}>
            Resume
          </button>
        </div>
      ) : null}
      {error ? <div className="banner banner-error" role="alert">{error}</div> : null}
      {state?.heldElsewhere ? (
        <div className="banner banner-warn" data-testid="held-elsewhere-banner">
          Another sms-outbox (the app or the command line) is sending from this data folder. This window shows
          its progress and takes over when it stops.
        </div>
      ) : null}
      {account?.low && account.credit != null ? (
        <div className="banner banner-warn" data-testid="low-credit-banner">
          Credit is low: {formatMoney(account.credit, account.currency)} (warning below{' '}
          {formatMoney(account.threshold, account.currency)}). Top up your GatewayAPI account.
        </div>
      ) : null}
      {/* Demo mode uses no token, so a missing keychain does not matter there. */}
      {app && !app.keychain.ok && app.mode === 'live' ? (
        <div className="banner banner-warn" data-testid="keychain-banner">
          {app.keychain.message ?? 'No system keychain is available.'} The token is kept in memory for this
          session only and must be entered again after a restart.
        </div>
      ) : null}
      {notices.map((n) => (
        <div key={n.key} className={`banner banner-${n.level === 'error' ? 'error' : n.level === 'warning' ? 'warn' : 'info'}`}>
          {n.message}
          <button type="button" aria-label={`Dismiss: ${n.message}`} onClick={() => dismiss(n.key)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
