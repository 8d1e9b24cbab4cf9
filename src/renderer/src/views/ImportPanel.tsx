// Step 1 of compose: pick the CSV, confirm the mapping, read the per-kind report. This file is the
// file picker and the order of the parts; each part (in ./import) answers one question.
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { InlineError } from '../components/InlineError';
import { previewTable } from '../format';
import { useAppStore } from '../stores/app';
import { useComposeStore } from '../stores/compose';
import { AnalyseProgress } from './import/AnalyseProgress';
import { ColumnMapping } from './import/ColumnMapping';
import { FilePreview } from './import/FilePreview';
import { ImportReportView } from './import/ImportReportView';

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
    })),
  );
  const defaultCountry = useAppStore((s) => s.settings?.defaultCountry ?? 'DK');
  const fileId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  // "Choose another file" (or a sent campaign) clears the import: the field must not name the old file.
  useEffect(() => {
    if (c.phase === 'none' && !c.preview && fileRef.current) fileRef.current.value = '';
  }, [c.phase, c.preview]);
  const table = c.preview ? previewTable(c.preview, c.mapping.hasHeader) : null;

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
      <InlineError message={c.importError} />

      {c.preview && table ? (
        <div className="preview">
          <FilePreview preview={c.preview} table={table} mapping={c.mapping} />
          <ColumnMapping table={table} />
        </div>
      ) : null}
      {c.phase === 'analysing' && c.progress ? <AnalyseProgress progress={c.progress} /> : null}
      {c.report ? <ImportReportView report={c.report} /> : null}
    </section>
  );
}
