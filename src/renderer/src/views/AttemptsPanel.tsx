// Every HTTP attempt for a campaign's batches (time, status, outcome, GatewayAPI's answer).
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../shared/contract';
import { formatCount, formatTime } from '../format';
import { useResultsStore } from '../stores/results';
import { InlineError } from '../components/InlineError';
import { parseStoredReason } from '../../../shared/i18n/messages';
import { say } from '../i18n';
import { GatewayDetails } from './GatewayDetails';

export function AttemptsPanel({ campaign }: { campaign: CampaignSummary }): React.JSX.Element {
  const { t } = useTranslation();
  const attempts = useResultsStore((s) => s.attempts);
  const error = useResultsStore((s) => s.attemptsError);
  const load = useResultsStore((s) => s.loadAttempts);
  return (
    <details
      className="panel attempts"
      onToggle={(e) => {
        if ((e.currentTarget as HTMLDetailsElement).open) void load();
      }}
    >
      <summary>{t('attempts.summary', { name: campaign.name })}</summary>
      <InlineError message={error} />
      {attempts == null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : attempts.length === 0 ? (
        <p className="muted">{t('attempts.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table compact" aria-label={t('attempts.table')}>
            <thead>
              <tr>
                <th scope="col">{t('attempts.cols.batch')}</th>
                <th scope="col">{t('attempts.cols.started')}</th>
                <th scope="col">{t('attempts.cols.finished')}</th>
                <th scope="col">{t('attempts.cols.recipients')}</th>
                <th scope="col">{t('attempts.cols.http')}</th>
                <th scope="col">{t('attempts.cols.outcome')}</th>
                <th scope="col">{t('attempts.cols.code')}</th>
                <th scope="col">{t('attempts.cols.message')}</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.id}>
                  <td>{a.batchId}</td>
                  <td>{formatTime(a.startedAt)}</td>
                  <td>{formatTime(a.finishedAt)}</td>
                  <td>{formatCount(a.recipients)}</td>
                  <td>{a.httpStatus ?? '—'}</td>
                  <td>{t(`attempts.outcomes.${a.outcome}`, { defaultValue: a.outcome })}</td>
                  <td>{a.code ?? ''}</td>
                  <td>
                    {a.message ? say(parseStoredReason(a.message)!) : ''}
                    <GatewayDetails message={parseStoredReason(a.message)} />
                    {a.body ? (
                      <details>
                        <summary>{t('attempts.body')}</summary>
                        <pre>{a.body}</pre>
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
