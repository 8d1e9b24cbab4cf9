// One campaign: progress, counts, a status chart, costs, and the actions that apply to it.
import { useState } from 'react';
import type { CampaignSummary } from '../../../shared/contract';
import { api, errorText } from '../bridge';
import { Dialog } from '../components/Dialog';
import { ProgressBar } from '../components/Progress';
import { campaignStats, formatCount, formatMoney, formatTime, percent } from '../format';
import { useOutboxStore } from '../stores/outbox';
import { useResultsStore } from '../stores/results';

type Pending =
  | { kind: 'cancel' }
  | { kind: 'cancelScheduled' }
  | { kind: 'resendFailed' }
  | { kind: 'resolve'; action: 'resend' | 'mark_sent' };

const STATUS_TEXT: Record<CampaignSummary['status'], string> = {
  active: 'Active',
  paused: 'Paused',
  cancelled: 'Cancelled',
  done: 'Done',
};

export function CampaignCard({ c, selected }: { c: CampaignSummary; selected: boolean }): React.JSX.Element {
  const stats = campaignStats(c);
  const select = useResultsStore((s) => s.select);
  const exportCsv = useResultsStore((s) => s.exportCsv);
  const resolve = useResultsStore((s) => s.resolve);
  const replace = useOutboxStore((s) => s.replaceCampaign);
  const refresh = useOutboxStore((s) => s.refresh);
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const titleId = `campaign-${c.id}-title`;

  const run = (fn: () => Promise<string | void>) => {
    setMessage(null);
    fn()
      .then((text) => text && setMessage({ ok: true, text }))
      .catch((e) => setMessage({ ok: false, text: errorText(e) }))
      .finally(() => {
        setPending(null);
        void refresh();
      });
  };

  const queuedish = (c.states.queued ?? 0) + (c.states.retry_wait ?? 0);
  const canPause = c.status === 'active' && queuedish > 0;
  const canResume = c.status === 'paused';
  const canCancel = (c.status === 'active' || c.status === 'paused') && queuedish > 0;
  const scheduled = c.states.scheduled ?? 0;
  // "Resend to failed" requeues what GatewayAPI refused; a delivery failure (e.g. EXPIRED) is final.
  const refused = c.states.failed ?? 0;
  const chartTotal = stats.bars.reduce((n, b) => n + b.count, 0);

  return (
    <article className={selected ? 'campaign campaign-selected' : 'campaign'} aria-labelledby={titleId}>
      <header className="campaign-head">
        <h3 id={titleId}>{c.name}</h3>
        <span className={`chip status-${c.status}`}>{STATUS_TEXT[c.status]}</span>
        {c.demo ? <span className="chip">demo</span> : null}
        <span className="muted">
          from {c.sender} · created {formatTime(c.createdAt)}
          {c.sendAt ? ` · scheduled for ${formatTime(c.sendAt)}` : ''}
        </span>
      </header>
      <p className="campaign-message">{c.message}</p>

      <div className="campaign-progress">
        <ProgressBar label={`Batches submitted for ${c.name}`} value={c.batches.submitted} max={Math.max(1, c.batches.total)} />
        <span className="muted">
          {c.batches.submitted} of {c.batches.total} {c.batches.total === 1 ? 'batch' : 'batches'} submitted
        </span>
      </div>

      <dl className="stats" data-testid={`stats-${c.id}`}>
        <div>
          <dt>Recipients</dt>
          <dd>{formatCount(c.total)}</dd>
        </div>
        <div className="tone-ok">
          <dt>Delivered</dt>
          <dd data-testid="delivered-count">{formatCount(stats.delivered)}</dd>
        </div>
        <div className="tone-bad">
          <dt>Failed</dt>
          <dd data-testid="failed-count">{formatCount(stats.failed)}</dd>
        </div>
        <div>
          <dt>Pending</dt>
          <dd data-testid="pending-count">{formatCount(stats.pending)}</dd>
        </div>
        {stats.uncertain ? (
          <div className="tone-uncertain">
            <dt>Uncertain</dt>
            <dd>{formatCount(stats.uncertain)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Delivery rate</dt>
          <dd data-testid="delivery-rate">{stats.rate == null ? '—' : percent(stats.delivered, c.total - stats.cancelled)}</dd>
        </div>
        <div>
          <dt>Cost (estimated / real)</dt>
          <dd>
            {formatMoney(c.estimateCost, c.currency)} / {formatMoney(c.totalCost, c.currency)}
          </dd>
        </div>
      </dl>

      {chartTotal > 0 ? (
        <figure className="chart" aria-label={`Status chart for ${c.name}`}>
          {stats.bars.map((b) => (
            <div key={b.key} className="chart-row">
              <span className="chart-label">{b.label}</span>
              <span className="chart-track">
                <span className={`chart-bar tone-${b.tone}`} style={{ width: `${(b.count / chartTotal) * 100}%` }} />
              </span>
              <span className="chart-value">
                {formatCount(b.count)} ({percent(b.count, chartTotal)})
              </span>
            </div>
          ))}
        </figure>
      ) : null}

      {stats.uncertain > 0 ? (
        <div className="banner banner-warn">
          {formatCount(stats.uncertain)} recipient(s) are uncertain: the network failed after the request was sent, so
          GatewayAPI may or may not have accepted them.
          <button type="button" onClick={() => setPending({ kind: 'resolve', action: 'resend' })}>
            Resend all uncertain
          </button>
          <button type="button" onClick={() => setPending({ kind: 'resolve', action: 'mark_sent' })}>
            Mark all uncertain as sent
          </button>
        </div>
      ) : null}

      <div className="row wrap campaign-actions" role="group" aria-label={`Actions for ${c.name}`}>
        <button type="button" onClick={() => select(selected ? null : c.id)} aria-expanded={selected}>
          {selected ? 'Hide recipients' : 'Show recipients'}
        </button>
        {canPause ? (
          <button type="button" onClick={() => run(async () => void replace(await api('campaign.pause', { campaignId: c.id })))}>
            Pause
          </button>
        ) : null}
        {canResume ? (
          <button type="button" onClick={() => run(async () => void replace(await api('campaign.resume', { campaignId: c.id })))}>
            Resume
          </button>
        ) : null}
        {canCancel ? (
          <button type="button" onClick={() => setPending({ kind: 'cancel' })}>
            Cancel campaign
          </button>
        ) : null}
        {scheduled > 0 ? (
          <button type="button" onClick={() => setPending({ kind: 'cancelScheduled' })}>
            Cancel scheduled
          </button>
        ) : null}
        {refused > 0 ? (
          <button type="button" onClick={() => setPending({ kind: 'resendFailed' })}>
            Resend to failed
          </button>
        ) : null}
        <button type="button" onClick={() => void exportCsv(c.id)}>
          Export CSV
        </button>
      </div>
      {message ? (
        <p className={message.ok ? 'ok-text' : 'inline-error'} role="status">
          {message.text}
        </p>
      ) : null}

      {pending?.kind === 'cancel' ? (
        <Dialog
          title={`Cancel “${c.name}”?`}
          confirmLabel="Cancel campaign"
          cancelLabel="Keep it"
          danger
          onCancel={() => setPending(null)}
          onConfirm={() => run(async () => void replace(await api('campaign.cancel', { campaignId: c.id })))}
        >
          <p>
            The {formatCount(queuedish)} recipient(s) not yet sent will not be sent. Messages already handed to
            GatewayAPI cannot be called back.
          </p>
        </Dialog>
      ) : null}
      {pending?.kind === 'cancelScheduled' ? (
        <Dialog
          title="Cancel the scheduled messages?"
          confirmLabel="Cancel scheduled"
          cancelLabel="Keep them"
          danger
          onCancel={() => setPending(null)}
          onConfirm={() =>
            run(async () => {
              const r = await api('campaign.cancelScheduled', { campaignId: c.id });
              return `${formatCount(r.cancelled)} cancelled${r.alreadySent ? `, ${formatCount(r.alreadySent)} already sent` : ''}.`;
            })
          }
        >
          <p>GatewayAPI is asked to delete the {formatCount(scheduled)} scheduled message(s). Any already sent stay sent.</p>
        </Dialog>
      ) : null}
      {pending?.kind === 'resendFailed' ? (
        <Dialog
          title="Resend to the failed recipients?"
          confirmLabel="Resend to failed"
          onCancel={() => setPending(null)}
          onConfirm={() =>
            run(async () => {
              const r = await api('campaign.resendFailed', { campaignId: c.id });
              return `${formatCount(r.requeued)} recipient(s) queued again.`;
            })
          }
        >
          <p>
            A new attempt is made for the {formatCount(refused)} recipient(s) GatewayAPI refused. Do this after fixing
            the cause (for example a blocked sender name or a country not enabled). Each resend is charged.
          </p>
        </Dialog>
      ) : null}
      {pending?.kind === 'resolve' ? (
        <Dialog
          title={pending.action === 'resend' ? 'Resend to all uncertain recipients?' : 'Mark all uncertain as sent?'}
          confirmLabel={pending.action === 'resend' ? 'Resend' : 'Mark as sent'}
          danger={pending.action === 'resend'}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            select(c.id);
            run(async () => {
              await resolve(null, pending.action);
            });
          }}
        >
          {pending.action === 'resend' ? (
            <p>
              GatewayAPI may already have accepted these messages: resending can make some people receive the SMS
              twice, and you pay for both. Check a few recipients' phones or GatewayAPI's dashboard first if you can.
            </p>
          ) : (
            <p>
              Choose this if you believe GatewayAPI did accept the messages. If it did not, these people will not get
              the SMS, and no delivery status will be shown for them.
            </p>
          )}
        </Dialog>
      ) : null}
    </article>
  );
}
