// The review before money is spent: recipients, SMS parts, cost and the credit left after. Its button
// asks main, and main's own native dialog (with its own numbers) is the confirmation that counts.
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog';
import { formatCount, formatMoney, formatTime, localInputToUnix } from '../format';
import { useAccountStore } from '../stores/account';
import { useAppStore } from '../stores/app';
import { useComposeStore } from '../stores/compose';

export function SendConfirm({ onCancel, onConfirm }: { onCancel(): void; onConfirm(): void }): React.JSX.Element | null {
  const { t } = useTranslation();
  const report = useComposeStore((s) => s.report);
  const est = useComposeStore((s) => s.estimate);
  const scheduled = useComposeStore((s) => (s.scheduleEnabled ? s.scheduleAt : null));
  const sending = useComposeStore((s) => s.sending);
  const demo = useAppStore((s) => s.app?.mode === 'demo');
  const accountCurrency = useAccountStore((s) => s.account?.currency ?? null);
  if (!report) return null;
  const currency = est?.currency ?? accountCurrency;
  const creditAfter = est?.credit != null && est.total != null ? est.credit - est.total : null;
  const count = report.accepted;
  const at = scheduled ? localInputToUnix(scheduled) : null;

  return (
    <Dialog
      title={t(scheduled ? 'send.confirm.titleSchedule' : 'send.confirm.titleSend', { count })}
      confirmLabel={scheduled ? t('send.confirm.schedule') : t('send.confirm.sendNow')}
      danger={Boolean(est?.exceedsCredit)}
      busy={sending}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      <>
        <dl className="confirm-numbers" data-testid="confirm-summary">
          <div>
            <dt>{t('send.confirm.recipients')}</dt>
            <dd>{formatCount(count)}</dd>
          </div>
          <div>
            <dt>{t('send.confirm.parts')}</dt>
            <dd>{formatCount(est?.parts ?? report.parts)}</dd>
          </div>
          <div>
            <dt>{t('send.confirm.cost')}</dt>
            <dd>{formatMoney(est?.total ?? null, currency)}</dd>
          </div>
          <div>
            <dt>{t('send.confirm.creditAfter')}</dt>
            <dd data-testid="credit-after">{formatMoney(creditAfter, currency)}</dd>
          </div>
        </dl>
        {at != null ? <p>{t('send.confirm.sendsAt', { at: formatTime(at) })}</p> : null}
        {est?.exceedsCredit ? (
          <p className="banner banner-error">
            {t('send.confirm.overCredit', { cost: formatMoney(est.total, est.currency), credit: formatMoney(est.credit, est.currency) })}
          </p>
        ) : null}
        {demo ? <p className="muted">{t('send.confirm.demo')}</p> : null}
        <p className="muted">{t('send.confirm.final')}</p>
      </>
    </Dialog>
  );
}
