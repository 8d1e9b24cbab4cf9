// One campaign's recipients: searchable, filterable, virtualised (only visible rows are in the DOM;
// pages of 200 are fetched as they scroll into view), with per-row decisions for uncertain ones.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignSummary, RecipientRow } from '../../../shared/contract';
import { InlineError } from '../components/InlineError';
import { resolveUncertain } from '../flows';
import { PAGE_SIZE, useResultsStore } from '../stores/results';
import { DecisionDialog, RecipientCells, type Decision } from './recipients/RecipientCells';
import { RecipientFilters } from './recipients/RecipientFilters';

const ROW_HEIGHT = 36;

export function RecipientsTable({ campaign }: { campaign: CampaignSummary }): React.JSX.Element {
  const { t } = useTranslation();
  const total = useResultsStore((s) => s.total);
  const pages = useResultsStore((s) => s.pages);
  const error = useResultsStore((s) => s.error);
  const ensureRange = useResultsStore((s) => s.ensureRange);
  const actionMessage = useResultsStore((s) => s.actionMessage);
  const [decide, setDecide] = useState<Decision | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

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
      <RecipientFilters />
      <InlineError message={error} />
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
                    <RecipientCells r={r} hasActions={hasActions} onDecide={setDecide} />
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
        <DecisionDialog
          decision={decide}
          onCancel={() => setDecide(null)}
          onConfirm={() => {
            setDecide(null);
            void resolveUncertain(campaign.id, [decide.row.id], decide.action);
          }}
        />
      ) : null}
    </section>
  );
}
