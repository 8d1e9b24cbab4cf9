// "Who is on the list?": search, the numbers page by page, and removing one (after a question).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Dialog } from '../../components/Dialog';
import { formatCount, formatTime } from '../../format';
import { useSuppressionStore } from '../../stores/suppression';

export function SuppressionList(): React.JSX.Element {
  const { t } = useTranslation();
  const s = useSuppressionStore(
    useShallow((st) => ({ search: st.search, rows: st.rows, total: st.total, load: st.load, remove: st.remove })),
  );
  const [searchText, setSearchText] = useState(s.search);
  const [removing, setRemoving] = useState<string | null>(null);

  useEffect(() => {
    const t = setTimeout(() => {
      if (searchText !== useSuppressionStore.getState().search) useSuppressionStore.getState().setSearch(searchText);
    }, 300);
    return () => clearTimeout(t);
  }, [searchText]);

  return (
    <section className="panel" aria-labelledby="supp-list">
      <h2 id="supp-list">{t('suppression.listTitle', { count: formatCount(s.total) })}</h2>
      <div className="field">
        <label htmlFor="supp-search">{t('suppression.search')}</label>
        <input id="supp-search" type="search" value={searchText} onChange={(e) => setSearchText(e.target.value)} />
      </div>
      {s.rows.length === 0 ? (
        <p className="muted">{t('suppression.empty')}</p>
      ) : (
        <table className="table compact" aria-label={t('suppression.table')}>
          <thead>
            <tr>
              <th scope="col">{t('suppression.cols.number')}</th>
              <th scope="col">{t('suppression.cols.reason')}</th>
              <th scope="col">{t('suppression.cols.added')}</th>
              <th scope="col">
                <span className="sr-only">{t('suppression.cols.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r) => (
              <tr key={r.msisdn}>
                <td>{r.msisdn}</td>
                <td>{r.reason ?? ''}</td>
                <td>{formatTime(r.addedAt)}</td>
                <td>
                  <button
                    type="button"
                    className="small"
                    aria-label={t('suppression.removeAria', { number: r.msisdn })}
                    onClick={() => setRemoving(r.msisdn)}
                  >
                    {t('suppression.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {s.rows.length < s.total ? (
        <button type="button" onClick={() => void s.load(true)}>
          {t('suppression.more')}
        </button>
      ) : null}
      {removing ? (
        <Dialog
          title={t('suppression.removeTitle', { number: removing })}
          confirmLabel={t('suppression.remove')}
          cancelLabel={t('campaigns.keepIt')}
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const msisdn = removing;
            setRemoving(null);
            void s.remove(msisdn);
          }}
        >
          <p>{t('suppression.removeText')}</p>
        </Dialog>
      ) : null}
    </section>
  );
}
