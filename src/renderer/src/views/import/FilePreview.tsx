// "Is this the file I meant?": its name, size and encoding, a warning if it was imported before,
// and its first five rows with the phone column marked.
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/contract';
import { formatCount, formatTime, type previewTable } from '../../format';
import type { Mapping } from '../../stores/compose';

export type PreviewTable = ReturnType<typeof previewTable>;

export function FilePreview({
  preview: p,
  table,
  mapping,
}: {
  preview: ImportPreview;
  table: PreviewTable;
  mapping: Mapping;
}): React.JSX.Element {
  const { t } = useTranslation();
  const sample = table.rows.slice(0, 5);
  return (
    <>
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
                      [i === mapping.phoneColumn ? 'col-phone' : '', mapping.hasHeader ? '' : 'col-generated'].join(' ').trim() || undefined
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
                  <td key={i} className={i === mapping.phoneColumn ? 'col-phone' : undefined}>
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
