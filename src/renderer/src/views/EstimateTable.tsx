// The cost estimate: one line per country, the total, the credit and what the total leaves out.
import { useTranslation } from 'react-i18next';
import type { Estimate } from '../../../shared/contract';
import { formatCount, formatMoney, formatTime } from '../format';

export function EstimateTable({ est }: { est: Estimate }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <div className="estimate" data-testid="estimate">
      <table className="table compact">
        <caption>{t('send.estimateCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('send.country')}</th>
            <th scope="col">{t('send.recipients')}</th>
            <th scope="col">{t('send.parts')}</th>
            <th scope="col">{t('send.unitPrice')}</th>
            <th scope="col">{t('send.cost')}</th>
          </tr>
        </thead>
        <tbody>
          {est.lines.map((l) => (
            <tr key={l.country}>
              <td>{l.country}</td>
              <td>{formatCount(l.recipients)}</td>
              <td>{formatCount(l.parts)}</td>
              <td>{formatMoney(l.unitPrice, est.currency)}</td>
              <td>{formatMoney(l.cost, est.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('send.total')}</th>
            <td>{formatCount(est.recipients)}</td>
            <td>{formatCount(est.parts)}</td>
            <td />
            <td data-testid="estimate-total">{formatMoney(est.total, est.currency)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="muted">
        {t('send.credit', { amount: formatMoney(est.credit, est.currency) })}
        {est.priceListDate ? t('send.pricesFrom', { date: formatTime(est.priceListDate) }) : ''}
      </p>
      {est.missingPrices.length ? (
        <p className="warn-text">{t('send.missingPrices', { countries: est.missingPrices.join(', ') })}</p>
      ) : null}
      {est.exceedsCredit ? (
        <p className="banner banner-error" role="alert">
          {t('send.exceedsCredit')}
        </p>
      ) : null}
    </div>
  );
}
