// "Are you sure?": the question before each campaign action that cannot be undone or costs money,
// with the numbers it affects.
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { resolveUncertain } from '../../flows';
import { formatCount } from '../../format';
import { useOutboxStore } from '../../stores/outbox';

export type Pending =
  { kind: 'cancel' } | { kind: 'cancelScheduled' } | { kind: 'resendFailed' } | { kind: 'resolve'; action: 'resend' | 'mark_sent' };

export function CampaignDialog({
  c,
  pending,
  counts,
  onCancel,
  run,
}: {
  c: CampaignSummary;
  pending: Pending;
  /** What each action would touch, as shown on the campaign. */
  counts: { queuedish: number; scheduled: number; refused: number };
  onCancel: () => void;
  /** Runs the action; a returned sentence is shown as the result. */
  run: (fn: () => Promise<string | void>) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const outbox = useOutboxStore.getState;
  switch (pending.kind) {
    case 'cancel':
      return (
        <Dialog
          title={t('campaigns.cancelTitle', { name: c.name })}
          confirmLabel={t('campaigns.cancel')}
          cancelLabel={t('campaigns.keepIt')}
          danger
          onCancel={onCancel}
          onConfirm={() => run(() => outbox().cancelCampaign(c.id))}
        >
          <p>{t('campaigns.cancelText', { count: counts.queuedish })}</p>
        </Dialog>
      );
    case 'cancelScheduled':
      return (
        <Dialog
          title={t('campaigns.cancelScheduledTitle')}
          confirmLabel={t('campaigns.cancelScheduled')}
          cancelLabel={t('campaigns.keepThem')}
          danger
          onCancel={onCancel}
          onConfirm={() =>
            run(async () => {
              const r = await outbox().cancelScheduled(c.id);
              const cancelled = formatCount(r.cancelled);
              return r.alreadySent
                ? t('campaigns.cancelledScheduledSent', { cancelled, sent: formatCount(r.alreadySent) })
                : t('campaigns.cancelledScheduled', { cancelled });
            })
          }
        >
          <p>{t('campaigns.cancelScheduledText', { count: counts.scheduled })}</p>
        </Dialog>
      );
    case 'resendFailed':
      return (
        <Dialog
          title={t('campaigns.resendFailedTitle')}
          confirmLabel={t('campaigns.resendFailed')}
          onCancel={onCancel}
          onConfirm={() => run(async () => t('campaigns.requeued', { count: await outbox().resendFailed(c.id) }))}
        >
          <p>{t('campaigns.resendFailedText', { count: counts.refused })}</p>
        </Dialog>
      );
    case 'resolve':
      return (
        <Dialog
          title={pending.action === 'resend' ? t('campaigns.resolveResendTitle') : t('campaigns.resolveMarkTitle')}
          confirmLabel={pending.action === 'resend' ? t('campaigns.resend') : t('campaigns.markSent')}
          danger={pending.action === 'resend'}
          onCancel={onCancel}
          onConfirm={() => run(() => resolveUncertain(c.id, null, pending.action))}
        >
          <p>{pending.action === 'resend' ? t('campaigns.resolveResendText') : t('campaigns.resolveMarkText')}</p>
        </Dialog>
      );
  }
}
