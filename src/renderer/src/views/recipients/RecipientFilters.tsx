// "How do I find someone?": the search box (applied once typing pauses), the state filter and the count.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESULT_FILTERS, type ResultFilter } from '../../constants';
import { useResultsStore } from '../../stores/results';

export function RecipientFilters(): React.JSX.Element {
  const { t } = useTranslation();
  const total = useResultsStore((s) => s.total);
  const filter = useResultsStore((s) => s.filter);
  const setFilter = useResultsStore((s) => s.setFilter);
  const setSearch = useResultsStore((s) => s.setSearch);
  const [searchText, setSearchText] = useState('');

  // Search as the user types, but only once they pause.
  useEffect(() => {
    const t = setTimeout(() => {
      if (searchText !== useResultsStore.getState().search) setSearch(searchText);
    }, 300);
    return () => clearTimeout(t);
  }, [searchText, setSearch]);

  return (
    <div className="row wrap">
      <div className="field">
        <label htmlFor="recipient-search">{t('recipients.search')}</label>
        <input
          id="recipient-search"
          type="search"
          placeholder={t('recipients.searchPlaceholder')}
          value={searchText}
          onChange={(e) => setSearchText(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="recipient-filter">{t('recipients.show')}</label>
        <select id="recipient-filter" value={filter} onChange={(e) => setFilter(e.target.value as ResultFilter)}>
          {RESULT_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`recipients.filters.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <span className="muted" data-testid="recipient-total">
        {t('recipients.count', { count: total })}
      </span>
    </div>
  );
}
