// Every HTTP attempt for a campaign's batches (time, status, outcome, GatewayAPI's answer).
import type { CampaignSummary } from '../../../shared/contract';
import { formatTime } from '../format';
import { useResultsStore } from '../stores/results';

export function AttemptsPanel({ campaign }: { campaign: CampaignSummary }): React.JSX.Element {
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
      <summary>Attempts log for {campaign.name}</summary>
      {error ? <p className="inline-error" role="alert">{error}</p> : null}
      {attempts == null ? (
        <p className="muted">Loading…</p>
      ) : attempts.length === 0 ? (
        <p className="muted">No requests made yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table compact" aria-label="Attempts">
            <thead>
              <tr>
                <th scope="col">Batch</th>
                <th scope="col">Started</th>
                <th scope="col">Finished</th>
                <th scope="col">Recipients</th>
                <th scope="col">HTTP</th>
                <th scope="col">Outcome</th>
                <th scope="col">Code</th>
                <th scope="col">Message</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.id}>
                  <td>{a.batchId}</td>
                  <td>{formatTime(a.startedAt)}</td>
                  <td>{formatTime(a.finishedAt)}</td>
                  <td>{a.recipients}</td>
                  <td>{a.httpStatus ?? '—'}</td>
                  <td>{a.outcome}</td>
                  <td>{a.code ?? ''}</td>
                  <td>
                    {a.message ?? ''}
                    {a.body ? (
                      <details>
                        <summary>Response body</summary>
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
