// "How do I stop texting these numbers?": add numbers by hand or from a file, and what came of it.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Field } from '../../components/Field';
import { InlineError } from '../../components/InlineError';
import { useSuppressionStore } from '../../stores/suppression';
import { say } from '../../i18n';

export function SuppressionAdd(): React.JSX.Element {
  const { t } = useTranslation();
  const s = useSuppressionStore(
    useShallow((st) => ({ error: st.error, message: st.message, invalid: st.invalid, add: st.add, importFile: st.importFile })),
  );
  const [numbers, setNumbers] = useState('');
  const [reason, setReason] = useState('');
  const fileId = useId();

  return (
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
        <Field label={t('suppression.reason')}>{(p) => <input {...p} value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
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
      <InlineError message={s.error} />
      {s.invalid.length ? (
        <div className="warn-text">
          {t('suppression.notAdded')}
          <ul>
            {s.invalid.slice(0, 20).map((i) => (
              <li key={i.value}>
                {i.value}: {say(i.text)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
