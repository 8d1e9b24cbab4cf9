// One campaign's recipients: searchable, filterable, virtualised (only visible rows are in the DOM;
// pages of 200 are fetched as they scroll into view), with per-row decisions for uncertain ones.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary, RecipientRow } from '../../../shared/contract';
import { Dialog } from '../components/Dialog';
import { resolveUncertain } from '../flows';
import { RESULT_FILTERS, type ResultFilter } from '../constants';
import { formatTime } from '../format';
import { PAGE_SIZE, useResultsStore } from '../stores/results';

const ROW_HEIGHT = 36;

export function RecipientsTable({ campaign }: { campaign: CampaignSummary }): React.JSX.Element {
  const { t } = useTranslation();
  const total = useResultsStore((s) => s.total);
  const pages = useResultsStore((s) => s.pages);
  const filter = useResultsStore((s) => s.filter);
  const error = useResultsStore((s) => s.error);
  const ensureRange = useResultsStore((s) => s.ensureRange);
  const setFilter = useResultsStore((s) => s.setFilter);
  const setSearch = useResultsStore((s) => s.setSearch);
  const actionMessage = useResultsStore((s) => s.actionMessage);
  const [searchText, setSearchText] = useState('');
  const [decide, setDecide] = useState<{ row: RecipientRow; action: 'resend' | 'mark_sent' } | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  // Search as the user types, but only once they pause.
  useEffect(() => {
    const t = setTimeout(() => {
      if (searchText !== useResultsStore.getState().search) setSearch(searchText);
    }, 300);
    return () => clearTimeout(t);
  }, [searchText, setSearch]);

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    ensureRange(first, Math.max(first, last));
  }, [first, last, pages, ensureRange]);

  const rowAt = (i: number): RecipientRow | undefined => pages[Math.floor(i / PAGE_SIZE)]?.[i % PAGE_SIZE];
  // The Action column only exists while someone needs a decision: its width goes to names and errors.
  const hasActions = (campaign.states.uncertain ?? 0) > 0 || items.some((it) => rowAt(it.index)?.state === 'uncertain');

  return (
    <section className="panel recipients" aria-label={t('recipients.aria', { name: campaign.name })}>
      <div className="row wrap">
        <div className="field">
          <label htmlFor="recipient-search">{t('recipients.search')}</label>
          <input
            id="recipient-search"
            type="search"
            placeholder={t('recipients.searchPlaceholder')}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="recipient-filter">{t('recipients.show')}</label>
          <select id="recipient-filter" value={filter} onChange={(e) => setFilter(e.target.value as ResultFilter)}>
            {RESULT_FILTERS.map((f) => (
              <option key={f} value={f}>
                {t(`recipients.filters.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <span className="muted" data-testid="recipient-total">
          {t('recipients.count', { count: total })}
        </span>
      </div>
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : null}
      {actionMessage ? (
        <p className="ok-text" role="status">
          {actionMessage}
        </p>
      ) : null}

      <div
        role="table"
        aria-label={t('recipients.table')}
        aria-rowcount={total + 1}
        className={hasActions ? 'vtable' : 'vtable vtable-no-actions'}
      >
        <div role="rowgroup" className="vhead-group">
          <div role="row" aria-rowindex={1} className="vrow vhead">
            <span role="columnheader" title={t('recipients.cols.rowTitle')}>
              {t('recipients.cols.row')}
            </span>
            <span role="columnheader">{t('recipients.cols.number')}</span>
            <span role="columnheader">{t('recipients.cols.name')}</span>
            <span role="columnheader">{t('recipients.cols.state')}</span>
            <span role="columnheader">{t('recipients.cols.status')}</span>
            <span role="columnheader">{t('recipients.cols.time')}</span>
            <span role="columnheader">{t('recipients.cols.error')}</span>
            {hasActions ? <span role="columnheader">{t('recipients.cols.action')}</span> : null}
          </div>
        </div>
        <div ref={scrollRef} className="vscroll" role="rowgroup">
          <div className="vspacer" style={{ height: `${virtualizer.getTotalSize()}px` }}>
            {items.map((item) => {
              const r = rowAt(item.index);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`vrow ${r ? `state-${r.state}` : 'loading'}`}
                  // Measured: a row with a long gateway error wraps onto more lines instead of hiding it.
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  style={{ transform: `translateY(${item.start}px)`, minHeight: `${ROW_HEIGHT}px` }}
                  data-msisdn={r?.msisdn}
                >
                  {r ? (
                    <>
                      <span role="cell">{r.rowNo}</span>
                      <span role="cell">{r.msisdn}</span>
                      <span role="cell">{r.name ?? ''}</span>
                      <span role="cell">{t(`recipients.states.${r.state}`)}</span>
                      <span role="cell" className={`status status-${(r.status ?? 'none').toLowerCase()}`}>
                        {r.status ?? '—'}
                      </span>
                      <span role="cell">{formatTime(r.statusAt ?? r.updatedAt)}</span>
                      <span role="cell" className="err">
                        {r.errorCode ? `${r.errorCode} ` : ''}
                        {r.error ?? ''}
                      </span>
                      {hasActions ? (
                        <span role="cell" className="vactions">
                          {r.state === 'uncertain' ? (
                            <>
                              <button
                                type="button"
                                className="small"
                                aria-label={t('recipients.resendTo', { number: r.msisdn })}
                                onClick={() => setDecide({ row: r, action: 'resend' })}
                              >
                                {t('campaigns.resend')}
                              </button>
                              <button
                                type="button"
                                className="small"
                                aria-label={t('recipients.markNumber', { number: r.msisdn })}
                                onClick={() => setDecide({ row: r, action: 'mark_sent' })}
                              >
                                {t('campaigns.markSent')}
                              </button>
                            </>
                          ) : null}
                        </span>
                      ) : null}
                    </>
                  ) : (
                    <span role="cell" className="muted">
                      {t('common.loading')}
                    </span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>

      {decide ? (
        <Dialog
          title={t(decide.action === 'resend' ? 'recipients.resendTitle' : 'recipients.markTitle', { number: decide.row.msisdn })}
          confirmLabel={decide.action === 'resend' ? t('campaigns.resend') : t('campaigns.markSent')}
          danger={decide.action === 'resend'}
          onCancel={() => setDecide(null)}
          onConfirm={() => {
            const { row, action } = decide;
            setDecide(null);
            void resolveUncertain(campaign.id, [row.id], action);
          }}
        >
          {decide.action === 'resend' ? <p>{t('recipients.resendText')}</p> : <p>{t('recipients.markText')}</p>}
        </Dialog>
      ) : null}
    </section>
  );
}
