// "Which column is the phone number?": the mapping the user confirms before rows are checked,
// and the buttons that check them (again) or start over with another file.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Field } from '../../components/Field';
import { useComposeStore } from '../../stores/compose';
import type { PreviewTable } from './FilePreview';

export function ColumnMapping({ table }: { table: PreviewTable }): React.JSX.Element {
  const { t } = useTranslation();
  const c = useComposeStore(
    useShallow((s) => ({
      phase: s.phase,
      mapping: s.mapping,
      report: s.report,
      setMapping: s.setMapping,
      analyse: s.analyse,
      clearImport: s.clearImport,
    })),
  );
  const columnCount = Math.max(table.headers.length, 0, ...table.rows.map((r) => r.length));
  const columnName = (i: number) => {
    const generic = `Column ${i + 1}`; // columnNames() names unnamed columns this way (also in merge tags)
    const h = table.headers[i] ?? generic;
    return h === generic ? t('import.column', { n: i + 1 }) : t('import.columnNamed', { name: h, n: i + 1 });
  };

  return (
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
  );
}
