// Outbox and history: search and filter the campaigns (one page at a time, newest first), each with
// its progress; the opened one shows its recipients and attempts.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { waitingCount } from '../format';
import { useAppStore } from '../stores/app';
import { CAMPAIGN_FILTERS, useOutboxStore, type CampaignStatusFilter } from '../stores/outbox';
import { useResultsStore } from '../stores/results';
import { AttemptsPanel } from './AttemptsPanel';
import { CampaignCard } from './CampaignCard';
import { RecipientsTable } from './RecipientsTable';
import { InlineError } from '../components/InlineError';

export function OutboxView(): React.JSX.Element {
  const { t } = useTranslation();
  const campaigns = useOutboxStore((s) => s.campaigns);
  const total = useOutboxStore((s) => s.total);
  const loaded = useOutboxStore((s) => s.loaded);
  const error = useOutboxStore((s) => s.error);
  const state = useOutboxStore((s) => s.state);
  const search = useOutboxStore((s) => s.search);
  const status = useOutboxStore((s) => s.status);
  const selectedId = useResultsStore((s) => s.campaignId);
  const setView = useAppStore((s) => s.setView);
  const [searchText, setSearchText] = useState(search);
  const selected = campaigns.find((c) => c.id === selectedId) ?? null;
  const filtered = search.trim() !== '' || status !== 'all';

  // Search once typing pauses.
  useEffect(() => {
    const timer = setTimeout(() => {
      if (searchText !== useOutboxStore.getState().search) useOutboxStore.getState().setSearch(searchText);
    }, 250);
    return () => clearTimeout(timer);
  }, [searchText]);

  return (
    <div className="outbox">
      <div className="row view-head">
        <h2>{t('campaigns.title')}</h2>
        {state && !state.paused && waitingCount(state) > 0 ? (
          <button type="button" onClick={() => void useOutboxStore.getState().pauseAll()}>
            {t('campaigns.pauseAll')}
          </button>
        ) : null}
      </div>
      <div className="row wrap campaign-filters" role="search">
        <div className="field">
          <label htmlFor="campaign-search">
            {t('campaigns.search')} <kbd className="shortcut">Ctrl+F</kbd>
          </label>
          <input
            id="campaign-search"
            type="search"
            aria-keyshortcuts="Control+F"
            placeholder={t('campaigns.searchPlaceholder')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="campaign-filter">{t('campaigns.filter')}</label>
          <select
            id="campaign-filter"
            value={status}
            onChange={(e) => useOutboxStore.getState().setStatus(e.target.value as CampaignStatusFilter)}
          >
            {CAMPAIGN_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`campaigns.filters.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <span className="muted" data-testid="campaign-total" role="status">
          {t('campaigns.count', { count: total })}
        </span>
      </div>
      <InlineError message={error} />
      {loaded && campaigns.length === 0 && !filtered ? (
        <p className="empty-state">
          {t('campaigns.empty')}{' '}
          <button type="button" className="link" onClick={() => setView('compose')}>
            {t('campaigns.emptyAction')}
          </button>
        </p>
      ) : null}
      {loaded && campaigns.length === 0 && filtered ? (
        <p className="empty-state">
          {t('campaigns.noMatch')}{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              setSearchText('');
              useOutboxStore.getState().setSearch('');
              useOutboxStore.getState().setStatus('all');
            }}
          >
            {t('campaigns.clearSearch')}
          </button>
        </p>
      ) : null}
      <ul className="campaigns" aria-label={t('campaigns.list')}>
        {campaigns.map((c) => (
          <li key={c.id}>
            <CampaignCard c={c} selected={c.id === selectedId} />
            {selected && selected.id === c.id ? (
              <>
                <RecipientsTable campaign={selected} />
                <AttemptsPanel key={selected.id} campaign={selected} />
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {campaigns.length < total ? (
        <button type="button" onClick={() => useOutboxStore.getState().showMore()}>
          {t('campaigns.more')}
        </button>
      ) : null}
    </div>
  );
}
