// "How many rows will be sent, and why not the others?": accepted count, rejected rows per kind
// with their first examples, and the download of the rejected rows.
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/contract';
import { REJECT_KINDS } from '../../constants';
import { formatCount } from '../../format';
import { useComposeStore } from '../../stores/compose';
import { say } from '../../i18n';

export function ImportReportView({ report }: { report: ImportReport }): React.JSX.Element {
  const { t } = useTranslation();
  const downloadRejected = useComposeStore((s) => s.downloadRejected);
  const rejected = REJECT_KINDS.reduce((n, k) => n + report.counts[k], 0);
  return (
    <div className="report" data-testid="import-report">
      <p>
        <strong data-testid="accepted-count">{formatCount(report.accepted)}</strong>{' '}
        {t('import.accepted', { total: formatCount(report.totalRows) })}
        {report.encodings.ucs2 > 0 && report.encodings.gsm7 > 0 ? t('import.acceptedUnicode', { count: report.encodings.ucs2 }) : ''}.
      </p>
      <table className="table compact" aria-label={t('import.rejectedTable')}>
        <tbody>
          {/* Only the kinds that occurred: a table of zeros says nothing. */}
          {REJECT_KINDS.filter((k) => report.counts[k] > 0).map((k) => (
            <tr key={k} data-kind={k}>
              <th scope="row">{t(`import.reject.${k}`)}</th>
              <td data-testid={`count-${k}`}>{formatCount(report.counts[k])}</td>
              <td>
                {report.examples[k]?.length ? (
                  <details>
                    <summary>{t('import.firstRows')}</summary>
                    <ul className="examples">
                      {report.examples[k]!.map((ex) => (
                        <li key={ex.rowNo}>
                          {t('import.exampleRow', { row: ex.rowNo, message: say(ex.text) })} <code>{ex.raw.join(', ')}</code>
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
        <button type="button" onClick={() => void downloadRejected()}>
          {t('import.downloadRejected')}
        </button>
      ) : null}
    </div>
  );
}
