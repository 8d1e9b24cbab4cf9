// "What happened to this number?": one recipient's cells, and for an uncertain one the two decisions.
import { useTranslation } from 'react-i18next';
import type { RecipientRow } from '../../../../shared/contract';
import { Dialog } from '../../components/Dialog';
import { formatTime } from '../../format';
import { parseStoredReason } from '../../../../shared/i18n/messages';
import { say } from '../../i18n';
import { GatewayDetails } from '../GatewayDetails';

export type Decision = { row: RecipientRow; action: 'resend' | 'mark_sent' };

export function RecipientCells({
  r,
  hasActions,
  onDecide,
}: {
  r: RecipientRow;
  hasActions: boolean;
  onDecide: (d: Decision) => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const reason = parseStoredReason(r.error);
  return (
    <>
      <span role="cell">{r.rowNo}</span>
      <span role="cell">{r.msisdn}</span>
      <span role="cell">
        <bdi>{r.name ?? ''}</bdi>
      </span>
      <span role="cell">{say({ code: 'state_name', state: r.state })}</span>
      <span
        role="cell"
        className={`status status-${(r.status ?? 'none').toLowerCase()}`}
        title={r.status ? say({ code: 'status_explain', status: r.status }) : undefined}
      >
        {r.status ? say({ code: 'status_name', status: r.status }) : '—'}
      </span>
      <span role="cell">{formatTime(r.statusAt ?? r.updatedAt)}</span>
      <span role="cell" className="err">
        {reason ? say(reason) : ''}
        <GatewayDetails message={reason} />
      </span>
      {hasActions ? (
        <span role="cell" className="vactions">
          {r.state === 'uncertain' ? (
            <>
              <button
                type="button"
                className="small"
                aria-label={t('recipients.resendTo', { number: r.msisdn })}
                onClick={() => onDecide({ row: r, action: 'resend' })}
              >
                {t('campaigns.resend')}
              </button>
              <button
                type="button"
                className="small"
                aria-label={t('recipients.markNumber', { number: r.msisdn })}
                onClick={() => onDecide({ row: r, action: 'mark_sent' })}
              >
                {t('campaigns.markSent')}
              </button>
            </>
          ) : null}
        </span>
      ) : null}
    </>
  );
}

/** The question before one uncertain recipient is resent or marked sent. */
export function DecisionDialog({
  decision,
  onCancel,
  onConfirm,
}: {
  decision: Decision;
  onCancel: () => void;
  onConfirm: () => void;
}): React.JSX.Element {
  const { t } = useTranslation();
  const resend = decision.action === 'resend';
  return (
    <Dialog
      title={t(resend ? 'recipients.resendTitle' : 'recipients.markTitle', { number: decision.row.msisdn })}
      confirmLabel={resend ? t('campaigns.resend') : t('campaigns.markSent')}
      danger={resend}
      onCancel={onCancel}
      onConfirm={onConfirm}
    >
      {resend ? <p>{t('recipients.resendText')}</p> : <p>{t('recipients.markText')}</p>}
    </Dialog>
  );
}
