// Suppression list (opt-outs): numbers never sent to. Add by hand, import a file, remove.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { formatCount, formatTime } from '../format';
import { useSuppressionStore } from '../stores/suppression';

export function SuppressionView(): React.JSX.Element {
  const { t } = useTranslation();
  const s = useSuppressionStore(
    useShallow((st) => ({
      search: st.search,
      rows: st.rows,
      total: st.total,
      error: st.error,
      message: st.message,
      invalid: st.invalid,
      load: st.load,
      add: st.add,
      remove: st.remove,
      importFile: st.importFile,
    })),
  );
  const [numbers, setNumbers] = useState('');
  const [reason, setReason] = useState('');
  const [searchText, setSearchText] = useState(s.search);
  const fileId = useId();
  const [removing, setRemoving] = useState<string | null>(null);

  useEffect(() => {
    void useSuppressionStore.getState().load();
  }, []);
  useEffect(() => {
    const t = setTimeout(() => {
      if (searchText !== useSuppressionStore.getState().search) useSuppressionStore.getState().setSearch(searchText);
    }, 300);
    return () => clearTimeout(t);
  }, [searchText]);

  return (
    <div className="suppression">
      <section className="panel" aria-labelledby="supp-add">
        <h2 id="supp-add">{t('suppression.addTitle')}</h2>
        <p className="muted">{t('suppression.intro')}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void s.add(numbers, reason).then((allOk) => {
              if (allOk) {
                setNumbers('');
                setReason('');
              }
            });
          }}
        >
          <Field label={t('suppression.numbers')} hint={t('suppression.numbersHint')}>
            {(p) => <textarea {...p} rows={3} value={numbers} onChange={(e) => setNumbers(e.target.value)} />}
          </Field>
          <Field label={t('suppression.reason')}>
            {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button type="submit" className="primary">
            {t('suppression.add')}
          </button>
        </form>
        <div className="field import-field">
          <label htmlFor={fileId}>{t('suppression.importLabel')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void s.importFile(f);
              e.target.value = '';
            }}
          />
          <div className="hint">{t('suppression.importHint')}</div>
        </div>
        {s.message ? (
          <p className="ok-text" role="status">
            {s.message}
          </p>
        ) : null}
        {s.error ? (
          <p className="inline-error" role="alert">
            {s.error}
          </p>
        ) : null}
        {s.invalid.length ? (
          <div className="warn-text">
            {t('suppression.notAdded')}
            <ul>
              {s.invalid.slice(0, 20).map((i) => (
                <li key={i.value}>
                  {i.value}: {i.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

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
      </section>
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
    </div>
  );
}
