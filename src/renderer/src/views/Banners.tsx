// App-wide warnings: low credit, paused queue, keychain trouble, another sender, notices from main.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../bridge';
import { formatMoney, waitingCount } from '../format';
import { useAccountStore } from '../stores/account';
import { useAppStore } from '../stores/app';
import { useOutboxStore } from '../stores/outbox';
import { HalfStoredBanners } from './HalfStoredBanners';
import { GatewayDetails } from './GatewayDetails';
import { WaitingBanner } from './WaitingBanner';
import { say } from '../i18n';

export function Banners(): React.JSX.Element {
  const { t } = useTranslation();
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
      {loadError ? (
        <div className="banner banner-error" role="alert">
          {loadError}
        </div>
      ) : null}
      {state?.paused === 'auth' ? (
        <div className="banner banner-error" role="alert">
          {t('banners.authPaused', { message: state.pauseCause ? say(state.pauseCause) : '' })}
          <GatewayDetails message={state.pauseCause} />
          <button type="button" onClick={() => setView('settings')}>
            {t('banners.enterToken')}
          </button>
          <button type="button" onClick={resume}>
            {t('banners.resume')}
          </button>
        </div>
      ) : null}
      {state?.paused === 'credit' ? (
        <div className="banner banner-error" role="alert">
          {t('banners.creditPaused', { count: waitingCount(state) })}
          <button type="button" onClick={resume}>
            {t('banners.resume')}
          </button>
        </div>
      ) : null}
      {state?.paused === 'frozen' ? (
        <div className="banner banner-error" role="alert">
          {t('banners.frozenPaused')}
          <button type="button" onClick={resume}>
            {t('banners.resume')}
          </button>
        </div>
      ) : null}
      {state?.paused === 'account' || state?.paused === 'unreachable' ? (
        <div
          className={`banner ${state.paused === 'account' ? 'banner-error' : 'banner-warn'}`}
          role="alert"
          data-testid={`paused-${state.paused}-banner`}
        >
          {state.paused === 'account'
            ? t('banners.accountPaused', { message: state.pauseCause ? say(state.pauseCause) : t('outbox.pauseReason.account') })
            : `${t('banners.unreachablePaused')}${state.pauseCause ? ` ${say(state.pauseCause)}` : ''}`}
          <GatewayDetails message={state.pauseCause} />
          <button type="button" onClick={resume}>
            {t('banners.resume')}
          </button>
        </div>
      ) : null}
      {state?.paused === 'disk_full' ? (
        <div className="banner banner-error" role="alert" data-testid="paused-disk_full-banner">
          {t('banners.diskFullPaused')}
          <button type="button" onClick={resume}>
            {t('banners.tryAgain')}
          </button>
        </div>
      ) : null}
      {state ? <WaitingBanner state={state} /> : null}
      {state?.paused === 'user' ? (
        <div className="banner banner-warn">
          {t('banners.userPaused')}
          <button type="button" onClick={resume}>
            {t('banners.resume')}
          </button>
        </div>
      ) : null}
      {error ? (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      ) : null}
      {state?.heldElsewhere ? (
        <div className="banner banner-warn" data-testid="held-elsewhere-banner">
          {t('banners.heldElsewhere')}
        </div>
      ) : null}
      {account?.low && account.credit != null ? (
        <div className="banner banner-warn" data-testid="low-credit-banner">
          {t('banners.lowCredit', {
            credit: formatMoney(account.credit, account.currency),
            threshold: formatMoney(account.threshold, account.currency),
          })}
        </div>
      ) : null}
      {/* Demo mode uses no token, so a missing keychain does not matter there. */}
      {app && !app.keychain.ok && app.mode === 'live' ? (
        <div className="banner banner-warn" data-testid="keychain-banner">
          {t('banners.keychainSession', { message: app.keychain.problem ? say(app.keychain.problem) : t('banners.noKeychain') })}
        </div>
      ) : null}
      <HalfStoredBanners />
      {notices.map((n) => (
        <div key={n.key} className={`banner banner-${n.level === 'error' ? 'error' : n.level === 'warning' ? 'warn' : 'info'}`}>
          {say(n.text)}
          <button type="button" aria-label={t('common.dismissNotice', { message: say(n.text) })} onClick={() => dismiss(n.key)}>
            {t('common.dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
