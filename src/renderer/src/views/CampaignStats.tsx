// A campaign's numbers (recipients, delivered, failed, pending, rate, cost) and its status chart.
import { useTranslation } from 'react-i18next';
import type { CampaignSummary } from '../../../shared/contract';
import { formatCount, formatMoney, percent, type CampaignStats } from '../format';

export function CampaignStatsView({ c, stats }: { c: CampaignSummary; stats: CampaignStats }): React.JSX.Element {
  const { t } = useTranslation();
  const chartTotal = stats.bars.reduce((n, b) => n + b.count, 0);
  return (
    <>
      <dl className="stats" data-testid={`stats-${c.id}`}>
        <div>
          <dt>{t('campaigns.stats.recipients')}</dt>
          <dd>{formatCount(c.total)}</dd>
        </div>
        <div className="tone-ok">
          <dt>{t('campaigns.stats.delivered')}</dt>
          <dd data-testid="delivered-count">{formatCount(stats.delivered)}</dd>
        </div>
        <div className="tone-bad">
          <dt>{t('campaigns.stats.failed')}</dt>
          <dd data-testid="failed-count">{formatCount(stats.failed)}</dd>
        </div>
        <div>
          <dt>{t('campaigns.stats.pending')}</dt>
          <dd data-testid="pending-count">{formatCount(stats.pending)}</dd>
        </div>
        {stats.uncertain ? (
          <div className="tone-uncertain">
            <dt>{t('campaigns.stats.uncertain')}</dt>
            <dd>{formatCount(stats.uncertain)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('campaigns.stats.rate')}</dt>
          <dd data-testid="delivery-rate">{stats.rate == null ? '—' : percent(stats.delivered, c.total - stats.cancelled)}</dd>
        </div>
        <div>
          <dt>{t('campaigns.stats.cost')}</dt>
          <dd>
            {formatMoney(c.estimateCost, c.currency)} / {formatMoney(c.totalCost, c.currency)}
          </dd>
        </div>
      </dl>

      {chartTotal > 0 ? (
        <figure className="chart" aria-label={t('campaigns.chartAria', { name: c.name })}>
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
    </>
  );
}
