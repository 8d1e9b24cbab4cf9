// Suppression list (opt-outs): numbers never sent to. Add by hand, import a file, remove.
import { useEffect, useId, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { formatCount, formatTime } from '../format';
import { useSuppressionStore } from '../stores/suppression';

export function SuppressionView(): React.JSX.Element {
  const s = useSuppressionStore();
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
        <h2 id="supp-add">Add numbers</h2>
        <p className="muted">Numbers on this list are skipped in every import (for example people who opted out).</p>
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
          <Field label="Numbers to suppress" hint="One per line, or separated by commas">
            {(p) => <textarea {...p} rows={3} value={numbers} onChange={(e) => setNumbers(e.target.value)} />}
          </Field>
          <Field label="Reason (optional)">
            {(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <button type="submit" className="primary">
            Add to suppression list
          </button>
        </form>
        <div className="field import-field">
          <label htmlFor={fileId}>Import numbers from a file</label>
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
          <div className="hint">Any column of a CSV or text file that holds phone numbers.</div>
        </div>
        {s.message ? <p className="ok-text" role="status">{s.message}</p> : null}
        {s.error ? <p className="inline-error" role="alert">{s.error}</p> : null}
        {s.invalid.length ? (
          <div className="warn-text">
            Not added:
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
        <h2 id="supp-list">Suppressed numbers ({formatCount(s.total)})</h2>
        <div className="field">
          <label htmlFor="supp-search">Search suppressed numbers</label>
          <input id="supp-search" type="search" value={searchText} onChange={(e) => setSearchText(e.target.value)} />
        </div>
        {s.rows.length === 0 ? (
          <p className="muted">No numbers.</p>
        ) : (
          <table className="table compact" aria-label="Suppressed numbers">
            <thead>
              <tr>
                <th scope="col">Number</th>
                <th scope="col">Reason</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span className="sr-only">Remove</span>
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
                    <button type="button" className="small" aria-label={`Remove ${r.msisdn}`} onClick={() => setRemoving(r.msisdn)}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {s.rows.length < s.total ? (
          <button type="button" onClick={() => void s.load(true)}>
            Show more
          </button>
        ) : null}
      </section>
      {removing ? (
        <Dialog
          title={`Remove ${removing} from the suppression list?`}
          confirmLabel="Remove"
          cancelLabel="Keep it"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const msisdn = removing;
            setRemoving(null);
            void s.remove(msisdn);
          }}
        >
          <p>Future campaigns will send to this number again. If the person opted out, they must not be messaged.</p>
        </Dialog>
      ) : null}
    </div>
  );
}
