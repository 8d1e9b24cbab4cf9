// "Who is on the list?": search, the numbers page by page, and removing one. Main asks the question
// itself (a native dialog naming the number): the window only asks main to remove it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatCount, formatTime } from '../../format';
import { useSuppressionStore } from '../../stores/suppression';

export function SuppressionList(): React.JSX.Element {
  const { t } = useTranslation();
  const s = useSuppressionStore(
    useShallow((st) => ({ search: st.search, rows: st.rows, total: st.total, load: st.load, remove: st.remove })),
  );
  const [searchText, setSearchText] = useState(s.search);

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
                    onClick={() => void s.remove(r.msisdn)}
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
    </section>
  );
}
