// One campaign's recipients: searchable, filterable, virtualised (only visible rows are in the DOM;
// pages of 200 are fetched as they scroll into view), with per-row decisions for uncertain ones.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { CampaignSummary, RecipientRow } from '../../../shared/contract';
import { Dialog } from '../components/Dialog';
import { FILTER_LABELS, RESULT_FILTERS, type ResultFilter } from '../constants';
import { formatCount, formatTime } from '../format';
import { PAGE_SIZE, useResultsStore } from '../stores/results';

const ROW_HEIGHT = 36;

const STATE_TEXT: Record<RecipientRow['state'], string> = {
  queued: 'Queued',
  claimed: 'Sending',
  in_flight: 'Sending',
  retry_wait: 'Waiting to retry',
  submitted: 'Submitted',
  scheduled: 'Scheduled',
  failed: 'Failed',
  uncertain: 'Uncertain',
  marked_sent: 'Marked as sent',
  cancelled: 'Cancelled',
};

export function RecipientsTable({ campaign }: { campaign: CampaignSummary }): React.JSX.Element {
  const total = useResultsStore((s) => s.total);
  const pages = useResultsStore((s) => s.pages);
  const filter = useResultsStore((s) => s.filter);
  const error = useResultsStore((s) => s.error);
  const ensureRange = useResultsStore((s) => s.ensureRange);
  const setFilter = useResultsStore((s) => s.setFilter);
  const setSearch = useResultsStore((s) => s.setSearch);
  const resolve = useResultsStore((s) => s.resolve);
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
    <section className="panel recipients" aria-label={`Recipients of ${campaign.name}`}>
      <div className="row wrap">
        <div className="field">
          <label htmlFor="recipient-search">Search recipients</label>
          <input
            id="recipient-search"
            type="search"
            placeholder="Number or name"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="recipient-filter">Show</label>
          <select id="recipient-filter" value={filter} onChange={(e) => setFilter(e.target.value as ResultFilter)}>
            {RESULT_FILTERS.map((f) => (
              <option key={f} value={f}>
                {FILTER_LABELS[f]}
              </option>
            ))}
          </select>
        </div>
        <span className="muted" data-testid="recipient-total">
          {formatCount(total)} {total === 1 ? 'recipient' : 'recipients'}
        </span>
      </div>
      {error ? <p className="inline-error" role="alert">{error}</p> : null}
      {actionMessage ? <p className="ok-text" role="status">{actionMessage}</p> : null}

      <div role="table" aria-label="Recipients" aria-rowcount={total + 1} className={hasActions ? 'vtable' : 'vtable vtable-no-actions'}>
        <div role="rowgroup" className="vhead-group">
          <div role="row" aria-rowindex={1} className="vrow vhead">
            <span role="columnheader" title="The row in the CSV file">
              File row
            </span>
            <span role="columnheader">Number</span>
            <span role="columnheader">Name</span>
            <span role="columnheader">State</span>
            <span role="columnheader">Delivery status</span>
            <span role="columnheader">Time</span>
            <span role="columnheader">Error</span>
            {hasActions ? <span role="columnheader">Action</span> : null}
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
                  style={{ transform: `translateY(${item.start}px)`, height: `${item.size}px` }}
                  data-msisdn={r?.msisdn}
                >
                  {r ? (
                    <>
                      <span role="cell">{r.rowNo}</span>
                      <span role="cell">{r.msisdn}</span>
                      <span role="cell">{r.name ?? ''}</span>
                      <span role="cell">{STATE_TEXT[r.state]}</span>
                      <span role="cell" className={`status status-${(r.status ?? 'none').toLowerCase()}`}>
                        {r.status ?? '—'}
                      </span>
                      <span role="cell">{formatTime(r.statusAt ?? r.updatedAt)}</span>
                      <span role="cell" className="err" title={r.error ?? undefined}>
                        {r.errorCode ? `${r.errorCode} ` : ''}
                        {r.error ?? ''}
                      </span>
                      {hasActions ? (
                      <span role="cell" className="vactions">
                        {r.state === 'uncertain' ? (
                          <>
                            <button type="button" className="small" aria-label={`Resend to ${r.msisdn}`} onClick={() => setDecide({ row: r, action: 'resend' })}>
                              Resend
                            </button>
                            <button
                              type="button"
                              className="small"
                              aria-label={`Mark ${r.msisdn} as sent`}
                              onClick={() => setDecide({ row: r, action: 'mark_sent' })}
                            >
                              Mark as sent
                            </button>
                          </>
                        ) : null}
                      </span>
                      ) : null}
                    </>
                  ) : (
                    <span role="cell" className="muted">
                      Loading…
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
          title={decide.action === 'resend' ? `Resend to ${decide.row.msisdn}?` : `Mark ${decide.row.msisdn} as sent?`}
          confirmLabel={decide.action === 'resend' ? 'Resend' : 'Mark as sent'}
          danger={decide.action === 'resend'}
          onCancel={() => setDecide(null)}
          onConfirm={() => {
            const { row, action } = decide;
            setDecide(null);
            void resolve([row.id], action);
          }}
        >
          {decide.action === 'resend' ? (
            <p>
              The network failed after this message was sent to GatewayAPI, so it may already have been accepted.
              Resending can deliver it twice, and both are charged.
            </p>
          ) : (
            <p>If GatewayAPI did not in fact accept it, this person will not receive the SMS.</p>
          )}
        </Dialog>
      ) : null}
    </section>
  );
}
