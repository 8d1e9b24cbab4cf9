// Outbox and results: every campaign with its progress, and the selected one's recipients.
import { waitingCount } from '../format';
import { useOutboxStore } from '../stores/outbox';
import { useResultsStore } from '../stores/results';
import { useAppStore } from '../stores/app';
import { AttemptsPanel } from './AttemptsPanel';
import { CampaignCard } from './CampaignCard';
import { RecipientsTable } from './RecipientsTable';

export function OutboxView(): React.JSX.Element {
  const campaigns = useOutboxStore((s) => s.campaigns);
  const loaded = useOutboxStore((s) => s.loaded);
  const error = useOutboxStore((s) => s.error);
  const state = useOutboxStore((s) => s.state);
  const pauseAll = useOutboxStore((s) => s.pauseAll);
  const selectedId = useResultsStore((s) => s.campaignId);
  const setView = useAppStore((s) => s.setView);
  const selected = campaigns.find((c) => c.id === selectedId) ?? null;

  return (
    <div className="outbox">
      <div className="row view-head">
        <h2>Campaigns</h2>
        {state && !state.paused && waitingCount(state) > 0 ? (
          <button type="button" onClick={() => void pauseAll()}>
            Pause all sending
          </button>
        ) : null}
      </div>
      {error ? <p className="inline-error" role="alert">{error}</p> : null}
      {loaded && campaigns.length === 0 ? (
        <p className="muted">
          No campaigns yet.{' '}
          <button type="button" className="link" onClick={() => setView('compose')}>
            Compose one
          </button>
        </p>
      ) : null}
      <div className="campaigns">
        {campaigns.map((c) => (
          <div key={c.id}>
            <CampaignCard c={c} selected={c.id === selectedId} />
            {selected && selected.id === c.id ? (
              <>
                <RecipientsTable campaign={selected} />
                <AttemptsPanel key={selected.id} campaign={selected} />
              </>
            ) : null}
          </div>
        ))}
      </div>
    </div>
  );
}
