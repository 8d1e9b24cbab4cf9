// What can be done to one campaign: show its recipients, pause/resume (undoable: no question),
// cancel, cancel scheduled, resend (irreversible or charged: a confirmation with the numbers), export.
// The questions themselves are in ./campaign/CampaignDialogs.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../shared/contract';
import { errorText } from '../bridge';
import { ResultLine } from '../components/InlineError';
import { toggleRecipients } from '../flows';
import { useOutboxStore } from '../stores/outbox';
import { useResultsStore } from '../stores/results';
import { CampaignDialog, type Pending } from './campaign/CampaignDialogs';

export function CampaignActions({
  c,
  selected,
  uncertain,
}: {
  c: CampaignSummary;
  selected: boolean;
  uncertain: number;
}): React.JSX.Element {
  const { t } = useTranslation();
  const outbox = useOutboxStore.getState;
  const exportCsv = useResultsStore((s) => s.exportCsv);
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const run = (fn: () => Promise<string | void>) => {
    setMessage(null);
    setPending(null);
    fn()
      .then((text) => text && setMessage({ ok: true, text }))
      .catch((e) => setMessage({ ok: false, text: errorText(e) }));
  };

  const queuedish = (c.states.queued ?? 0) + (c.states.retry_wait ?? 0);
  const canPause = c.status === 'active' && queuedish > 0;
  const canResume = c.status === 'paused';
  const canCancel = (c.status === 'active' || c.status === 'paused') && queuedish > 0;
  const scheduled = c.states.scheduled ?? 0;
  // "Resend to failed" requeues what GatewayAPI refused; a delivery failure (e.g. EXPIRED) is final.
  const refused = c.states.failed ?? 0;

  return (
    <>
      {uncertain > 0 ? (
        <div className="banner banner-warn" data-testid="uncertain-banner">
          {t('campaigns.uncertainBanner', { count: uncertain })}
          <button type="button" onClick={() => setPending({ kind: 'resolve', action: 'resend' })}>
            {t('campaigns.resendUncertain')}
          </button>
          <button type="button" onClick={() => setPending({ kind: 'resolve', action: 'mark_sent' })}>
            {t('campaigns.markUncertain')}
          </button>
        </div>
      ) : null}

      <div className="row wrap campaign-actions" role="group" aria-label={t('campaigns.actionsAria', { name: c.name })}>
        <button type="button" onClick={() => toggleRecipients(c, !selected)} aria-expanded={selected}>
          {selected ? t('campaigns.hideRecipients') : t('campaigns.showRecipients')}
        </button>
        {canPause ? (
          <button type="button" onClick={() => run(() => outbox().pauseCampaign(c.id))}>
            {t('campaigns.pause')}
          </button>
        ) : null}
        {canResume ? (
          <button type="button" onClick={() => run(() => outbox().resumeCampaign(c.id))}>
            {t('campaigns.resume')}
          </button>
        ) : null}
        {canCancel ? (
          <button type="button" onClick={() => setPending({ kind: 'cancel' })}>
            {t('campaigns.cancel')}
          </button>
        ) : null}
        {scheduled > 0 ? (
          <button type="button" onClick={() => setPending({ kind: 'cancelScheduled' })}>
            {t('campaigns.cancelScheduled')}
          </button>
        ) : null}
        {refused > 0 ? (
          <button type="button" onClick={() => setPending({ kind: 'resendFailed' })}>
            {t('campaigns.resendFailed')}
          </button>
        ) : null}
        <button type="button" onClick={() => void exportCsv(c.id)}>
          {t('campaigns.exportCsv')}
        </button>
      </div>
      <ResultLine result={message} />

      {pending ? (
        <CampaignDialog c={c} pending={pending} counts={{ queuedish, scheduled, refused }} onCancel={() => setPending(null)} run={run} />
      ) : null}
    </>
  );
}
