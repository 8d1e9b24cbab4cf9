// The controls of the sending-settings form, grouped by what they decide: where messages go,
// how fast, and when not.
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/contract';
import { Field } from '../../components/Field';
import { PLATFORMS } from '../../constants';
import type { Draft } from './draft';

export interface FieldsProps {
  draft: Draft;
  change: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  err: (field: string) => string | undefined;
}

/** Where messages go: the GatewayAPI platform (or a custom URL), the numbers' country, the credit warning. */
export function GatewayFields({ draft, change, err }: FieldsProps): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('settings.platform')} error={err('platform')}>
        {(p) => (
          <select {...p} value={draft.platform} onChange={(e) => change('platform', e.target.value as Settings['platform'])}>
            {PLATFORMS.map((pl) => (
              <option key={pl} value={pl}>
                {t(`settings.platforms.${pl}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {draft.platform === 'custom' ? (
        <Field label={t('settings.customUrl')} error={err('customBaseUrl')} hint={t('settings.customUrlHint')}>
          {(p) => <input {...p} type="url" value={draft.customBaseUrl} onChange={(e) => change('customBaseUrl', e.target.value)} />}
        </Field>
      ) : null}
      <Field label={t('settings.country')} error={err('defaultCountry')} hint={t('settings.countryHint')}>
        {(p) => (
          <input
            {...p}
            maxLength={2}
            value={draft.defaultCountry}
            onChange={(e) => change('defaultCountry', e.target.value.toUpperCase())}
          />
        )}
      </Field>
      <Field label={t('settings.lowCredit')} error={err('lowCreditThreshold')} hint={t('settings.lowCreditHint')}>
        {(p) => (
          <input
            {...p}
            type="number"
            min={0}
            step="any"
            value={draft.lowCreditThreshold}
            onChange={(e) => change('lowCreditThreshold', e.target.value)}
          />
        )}
      </Field>
    </>
  );
}

/** How fast: batch size, rate, parallel requests, and the longest message allowed. */
export function LimitFields({ draft, change, err }: FieldsProps): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('settings.batchSize')} error={err('batchSize')} hint={t('settings.batchSizeHint')}>
        {(p) => (
          <input {...p} type="number" min={1} max={10000} value={draft.batchSize} onChange={(e) => change('batchSize', e.target.value)} />
        )}
      </Field>
      <Field label={t('settings.rate')} error={err('ratePerMinute')} hint={t('settings.rateHint')}>
        {(p) => (
          <input {...p} type="number" min={1} value={draft.ratePerMinute} onChange={(e) => change('ratePerMinute', e.target.value)} />
        )}
      </Field>
      <Field label={t('settings.concurrent')} error={err('maxConcurrent')}>
        {(p) => (
          <input
            {...p}
            type="number"
            min={1}
            max={10}
            value={draft.maxConcurrent}
            onChange={(e) => change('maxConcurrent', e.target.value)}
          />
        )}
      </Field>
      <Field label={t('settings.maxParts')} error={err('maxParts')}>
        {(p) => (
          <input {...p} type="number" min={1} max={255} value={draft.maxParts} onChange={(e) => change('maxParts', e.target.value)} />
        )}
      </Field>
    </>
  );
}

/** When not: the quiet hours, with an error about the pair shown under both times. */
export function QuietHoursFields({ draft, change, err, pairError }: FieldsProps & { pairError: string | undefined }): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <fieldset className="quiet-hours">
      <legend>{t('settings.quietTitle')}</legend>
      <label className="check">
        <input type="checkbox" checked={draft.quietEnabled} onChange={(e) => change('quietEnabled', e.target.checked)} />
        {t('settings.quietEnabled')}
      </label>
      <div className="row">
        <Field label={t('settings.quietStart')} error={err('quietHours.start')}>
          {(p) => <input {...p} type="time" value={draft.quietStart} onChange={(e) => change('quietStart', e.target.value)} />}
        </Field>
        <Field label={t('settings.quietEnd')} error={err('quietHours.end')}>
          {(p) => <input {...p} type="time" value={draft.quietEnd} onChange={(e) => change('quietEnd', e.target.value)} />}
        </Field>
      </div>
      {pairError ? (
        <div className="field-error" role="alert">
          {pairError}
        </div>
      ) : null}
    </fieldset>
  );
}
