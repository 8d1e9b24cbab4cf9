// One campaign: its status, progress, counts and chart, the uncertain-recipients banner, and the
// actions that apply to it (CampaignActions).
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../shared/contract';
import { ProgressBar } from '../components/Progress';
import { say } from '../i18n';
import { campaignStats, displayStatus, formatTime } from '../format';
import { CampaignActions } from './CampaignActions';
import { CampaignStatsView } from './CampaignStats';

export function CampaignCard({ c, selected }: { c: CampaignSummary; selected: boolean }): React.JSX.Element {
  const { t } = useTranslation();
  const stats = campaignStats(c);
  const status = displayStatus(c, stats);
  const titleId = `campaign-${c.id}-title`;
  return (
    <article className={selected ? 'campaign campaign-selected' : 'campaign'} aria-labelledby={titleId} data-testid={`campaign-${c.id}`}>
      <header className="campaign-head">
        <h3 id={titleId}>{c.name}</h3>
        <span className={`chip status-${status}`} data-testid="campaign-status">
          {say({ code: 'campaign_status', status })}
        </span>
        {c.demo ? <span className="chip">{t('campaigns.demo')}</span> : null}
        <span className="muted">
          {t('campaigns.meta', { sender: c.sender, created: formatTime(c.createdAt) })}
          {c.sendAt ? t('campaigns.scheduledFor', { at: formatTime(c.sendAt) }) : ''}
        </span>
      </header>
      <p className="campaign-message">{c.message}</p>

      <div className="campaign-progress">
        <ProgressBar label={t('campaigns.batchesAria', { name: c.name })} value={c.batches.submitted} max={Math.max(1, c.batches.total)} />
        <span className="muted">{t('campaigns.batches', { count: c.batches.total, submitted: c.batches.submitted })}</span>
      </div>

      <CampaignStatsView c={c} stats={stats} />
      <CampaignActions c={c} selected={selected} uncertain={stats.uncertain} />
    </article>
  );
}
