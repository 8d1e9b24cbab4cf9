// Step 1 of compose: pick the CSV, confirm the mapping, read the per-kind report.
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Field } from '../components/Field';
import { ProgressBar } from '../components/Progress';
import { REJECT_KINDS } from '../constants';
import { formatCount, formatTime, percent, previewTable } from '../format';
import { t } from '../i18n';
import { useAppStore } from '../stores/app';
import { useComposeStore, type ImportProgress } from '../stores/compose';

/** Reading counts characters of the file (shown as a percentage), checking counts rows. */
function progressText(p: ImportProgress): string {
  if (p.phase === 'parsing') return t('import.percentRead', { percent: percent(Math.floor((p.done / Math.max(1, p.total)) * 100), 100) });
  return t('import.rowsChecked', { done: formatCount(p.done), total: formatCount(p.total) });
}

export function ImportPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const c = useComposeStore(
    useShallow((s) => ({
      phase: s.phase,
      preview: s.preview,
      mapping: s.mapping,
      report: s.report,
      importError: s.importError,
      progress: s.progress,
      chooseFile: s.chooseFile,
      setMapping: s.setMapping,
      analyse: s.analyse,
      cancelAnalyse: s.cancelAnalyse,
      clearImport: s.clearImport,
      downloadRejected: s.downloadRejected,
    })),
  );
  const defaultCountry = useAppStore((s) => s.settings?.defaultCountry ?? 'DK');
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  // "Choose another file" (or a sent campaign) clears the import: the field must not name the old file.
  useEffect(() => {
    if (c.phase === 'none' && !c.preview && fileRef.current) fileRef.current.value = '';
  }, [c.phase, c.preview]);
  const p = c.preview;
  const table = p ? previewTable(p, c.mapping.hasHeader) : { headers: [], rows: [] };
  const columnCount = Math.max(table.headers.length, 0, ...table.rows.map((r) => r.length));
  const columnName = (i: number) => {
    const generic = `Column ${i + 1}`; // columnNames() names unnamed columns this way (also in merge tags)
    const h = table.headers[i] ?? generic;
    return h === generic ? t('import.column', { n: i + 1 }) : t('import.columnNamed', { name: h, n: i + 1 });
  };
  const rejected = c.report ? REJECT_KINDS.reduce((n, k) => n + c.report!.counts[k], 0) : 0;
  const sample = table.rows.slice(0, 5);

  return (
    <section className="panel" aria-labelledby="recipients-title">
      <h2 id="recipients-title">{t('import.title')}</h2>
      <div className="field">
        <label htmlFor={fileId}>{t('import.fileLabel')}</label>
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          // Cleared as the picker opens, not after a choice: the field keeps showing the chosen file's
          // name, and choosing the same file again (e.g. after editing it) still reads it anew.
          onClick={(e) => (e.currentTarget.value = '')}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void c.chooseFile(f, defaultCountry);
          }}
        />
        <div className="hint">{t('import.fileHint')}</div>
      </div>
      {c.phase === 'reading' ? <p role="status">{t('import.reading')}</p> : null}
      {c.importError ? (
        <p className="inline-error" role="alert">
          {c.importError}
        </p>
      ) : null}

      {p ? (
        <div className="preview">
          <p className="muted" data-testid="preview-summary">
            <strong>{p.fileName}</strong>: {t('import.summary', { rows: formatCount(p.totalRows), encoding: p.encoding })}{' '}
            <code>{p.delimiter === '\t' ? t('import.tab') : p.delimiter}</code>
          </p>
          {p.alreadyImported ? (
            <p className="banner banner-warn" role="alert">
              {t('import.alreadyImported', { at: formatTime(p.alreadyImported.at), name: p.alreadyImported.name })}
            </p>
          ) : null}
          <div className="table-scroll">
            <table className="table compact" aria-label={t('import.previewTable')}>
              {table.headers.length ? (
                <thead>
                  <tr>
                    {table.headers.map((h, i) => (
                      <th
                        key={i}
                        scope="col"
                        className={
                          [i === c.mapping.phoneColumn ? 'col-phone' : '', c.mapping.hasHeader ? '' : 'col-generated'].join(' ').trim() ||
                          undefined
                        }
                      >
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
              ) : null}
              <tbody>
                {sample.map((row, r) => (
                  <tr key={r}>
                    {row.map((cell, i) => (
                      <td key={i} className={i === c.mapping.phoneColumn ? 'col-phone' : undefined}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>

          <fieldset className="mapping">
            <legend>{t('import.confirmColumns')}</legend>
            <div className="row wrap">
              <Field label={t('import.phoneColumn')}>
                {(fp) => (
                  <select
                    {...fp}
                    value={c.mapping.phoneColumn ?? ''}
                    onChange={(e) => c.setMapping({ phoneColumn: e.target.value === '' ? null : Number(e.target.value) })}
                  >
                    <option value="">{t('import.choose')}</option>
                    {Array.from({ length: columnCount }, (_, i) => (
                      <option key={i} value={i}>
                        {columnName(i)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('import.country')}>
                {(fp) => (
                  <input
                    {...fp}
                    maxLength={2}
                    size={3}
                    value={c.mapping.defaultCountry}
                    onChange={(e) => c.setMapping({ defaultCountry: e.target.value.toUpperCase() })}
                  />
                )}
              </Field>
              <label className="check">
                <input type="checkbox" checked={c.mapping.hasHeader} onChange={(e) => c.setMapping({ hasHeader: e.target.checked })} />
                {t('import.hasHeader')}
              </label>
            </div>
            <div className="row">
              <button
                type="button"
                className="primary"
                disabled={c.phase === 'analysing' || c.mapping.phoneColumn == null || !/^[A-Z]{2}$/.test(c.mapping.defaultCountry)}
                onClick={() => void c.analyse()}
              >
                {c.report ? t('import.checkAgain') : t('import.check')}
              </button>
              {c.report || c.phase === 'previewed' ? (
                <button type="button" onClick={() => c.clearImport()}>
                  {t('import.another')}
                </button>
              ) : null}
            </div>
          </fieldset>
        </div>
      ) : null}

      {c.phase === 'analysing' && c.progress ? (
        <div className="row import-progress">
          <span className="import-phase" data-testid="import-phase">
            {c.progress.phase === 'parsing' ? t('import.readingPhase') : t('import.checkingPhase')}
          </span>
          {/* Keyed by phase: the bar starts empty for checking instead of sliding back from full. */}
          <ProgressBar
            key={c.progress.phase}
            label={t('import.progress')}
            value={c.progress.done}
            max={Math.max(1, c.progress.total)}
            valueText={progressText(c.progress)}
          />
          <span className="muted">{progressText(c.progress)}</span>
          <button type="button" onClick={() => void c.cancelAnalyse()}>
            {t('import.cancel')}
          </button>
        </div>
      ) : null}

      {c.report ? (
        <div className="report" data-testid="import-report">
          <p>
            <strong data-testid="accepted-count">{formatCount(c.report.accepted)}</strong>{' '}
            {t('import.accepted', { total: formatCount(c.report.totalRows) })}
            {c.report.encodings.ucs2 > 0 && c.report.encodings.gsm7 > 0
              ? t('import.acceptedUnicode', { count: c.report.encodings.ucs2 })
              : ''}
            .
          </p>
          <table className="table compact" aria-label={t('import.rejectedTable')}>
            <tbody>
              {REJECT_KINDS.map((k) => (
                <tr key={k} data-kind={k} className={c.report!.counts[k] ? undefined : 'muted'}>
                  <th scope="row">{t(`import.reject.${k}`)}</th>
                  <td data-testid={`count-${k}`}>{formatCount(c.report!.counts[k])}</td>
                  <td>
                    {c.report!.examples[k]?.length ? (
                      <details>
                        <summary>{t('import.firstRows')}</summary>
                        <ul className="examples">
                          {c.report!.examples[k]!.map((ex) => (
                            <li key={ex.rowNo}>
                              {t('import.exampleRow', { row: ex.rowNo, message: ex.message })} <code>{ex.raw.join(', ')}</code>
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rejected > 0 ? (
            <button type="button" onClick={() => void c.downloadRejected()}>
              {t('import.downloadRejected')}
            </button>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
