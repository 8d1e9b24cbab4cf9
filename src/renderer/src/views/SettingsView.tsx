// Settings: platform/base URL, token, sending limits, quiet hours, test number, demo/live mode.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract';
import { ApiError, errorText } from '../bridge';
import { Field } from '../components/Field';
import { PLATFORMS } from '../constants';
import { saveSettings } from '../flows';
import { t } from '../i18n';
import { useAppStore } from '../stores/app';
import { LanguagePanel } from './LanguagePanel';
import { TokenForm } from './TokenForm';

/** The form keeps text as typed; numbers are parsed on save so a half-typed value is not lost. */
interface Draft {
  platform: Settings['platform'];
  customBaseUrl: string;
  defaultCountry: string;
  lowCreditThreshold: string;
  batchSize: string;
  ratePerMinute: string;
  maxConcurrent: string;
  maxParts: string;
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
  testNumber: string;
}

function toDraft(s: Settings): Draft {
  return {
    platform: s.platform,
    customBaseUrl: s.customBaseUrl ?? '',
    defaultCountry: s.defaultCountry,
    lowCreditThreshold: String(s.lowCreditThreshold),
    batchSize: String(s.batchSize),
    ratePerMinute: s.ratePerMinute == null ? '' : String(s.ratePerMinute),
    maxConcurrent: String(s.maxConcurrent),
    maxParts: String(s.maxParts),
    quietEnabled: s.quietHours.enabled,
    quietStart: s.quietHours.start,
    quietEnd: s.quietHours.end,
    testNumber: s.testNumber ?? '',
  };
}

/** Draft → settings patch, or field errors for values that are not numbers at all. */
export function draftToPatch(d: Draft): { patch: Partial<Settings>; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const num = (field: string, text: string): number => {
    const n = Number(text.trim());
    if (text.trim() === '' || !Number.isFinite(n)) errors[field] = t('common.enterNumber');
    return n;
  };
  const patch: Partial<Settings> = {
    platform: d.platform,
    customBaseUrl: d.customBaseUrl.trim() || null,
    defaultCountry: d.defaultCountry.trim().toUpperCase(),
    lowCreditThreshold: num('lowCreditThreshold', d.lowCreditThreshold),
    batchSize: num('batchSize', d.batchSize),
    ratePerMinute: d.ratePerMinute.trim() === '' ? null : num('ratePerMinute', d.ratePerMinute),
    maxConcurrent: num('maxConcurrent', d.maxConcurrent),
    maxParts: num('maxParts', d.maxParts),
    quietHours: { enabled: d.quietEnabled, start: d.quietStart, end: d.quietEnd },
    testNumber: d.testNumber.trim() || null,
  };
  if (d.platform === 'custom' && !patch.customBaseUrl) errors.customBaseUrl = t('settings.customUrlMissing');
  return { patch, errors };
}

// Fields with a control of their own; an error for any other field is shown under the form.
const SHOWN_FIELDS = [
  'platform',
  'customBaseUrl',
  'defaultCountry',
  'lowCreditThreshold',
  'batchSize',
  'ratePerMinute',
  'maxConcurrent',
  'maxParts',
  'quietHours',
  'testNumber',
];

export function SettingsView(): React.JSX.Element {
  const { t } = useTranslation();
  const settings = useAppStore((s) => s.settings);
  const app = useAppStore((s) => s.app);
  const setMode = useAppStore((s) => s.setMode);
  const [draft, setDraft] = useState<Draft | null>(settings ? toDraft(settings) : null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [modeError, setModeError] = useState<string | null>(null);

  useEffect(() => {
    if (settings && !draft) setDraft(toDraft(settings));
  }, [settings, draft]);
  if (!draft || !app) return <p>{t('settings.loading')}</p>;

  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft({ ...draft, [key]: value });
    setSaved(false);
  };
  // Main names nested fields with dots ("quietHours.start"): show them next to the matching control.
  const err = (field: string) => errors[field] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1];

  return (
    <div className="settings">
      <section className="panel" aria-labelledby="account-settings">
        <h2 id="account-settings">{t('settings.accountTitle')}</h2>
        <p className="muted">
          {t('settings.mode')} <strong>{app.mode === 'demo' ? t('settings.modeDemo') : t('settings.modeLive')}</strong> ·{' '}
          {t('settings.dataFolder')} <code>{app.dataDir}</code>
        </p>
        <div className="row mode-row">
          {app.mode === 'demo' ? (
            <button type="button" onClick={() => setMode('live').catch((e) => setModeError(errorText(e)))}>
              {t('settings.leaveDemo')}
            </button>
          ) : (
            <button type="button" onClick={() => setMode('demo').catch((e) => setModeError(errorText(e)))}>
              {t('settings.enterDemo')}
            </button>
          )}
          {modeError ? (
            <span className="inline-error" role="alert">
              {modeError}
            </span>
          ) : null}
        </div>
        {app.mode === 'live' ? <TokenForm /> : <p className="muted">{t('settings.demoNoToken')}</p>}
      </section>

      <LanguagePanel />

      <form
        className="panel settings-form"
        aria-labelledby="sending-settings"
        // Main's validation messages are shown at each field; the browser's bubbles would hide them.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const { patch, errors: local } = draftToPatch(draft);
          setErrors(local);
          setSaved(false);
          if (Object.keys(local).length) return;
          saveSettings(patch)
            .then(() => {
              setSaved(true);
              // Show what main stored (it may normalise values).
              const stored = useAppStore.getState().settings;
              if (stored) setDraft(toDraft(stored));
            })
            .catch((e2) => setErrors(e2 instanceof ApiError && e2.field ? { [e2.field]: e2.message } : { '': errorText(e2) }));
        }}
      >
        <h2 id="sending-settings">{t('settings.sendingTitle')}</h2>
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
          {errors.quietHours ? (
            <div className="field-error" role="alert">
              {errors.quietHours}
            </div>
          ) : null}
        </fieldset>
        <Field label={t('settings.testNumber')} error={err('testNumber')} hint={t('settings.testNumberHint')}>
          {(p) => <input {...p} type="tel" value={draft.testNumber} onChange={(e) => change('testNumber', e.target.value)} />}
        </Field>
        {Object.entries(errors)
          .filter(([k]) => !SHOWN_FIELDS.some((f) => k === f || k.startsWith(`${f}.`)))
          .map(([k, m]) => (
            <p key={k} className="inline-error" role="alert">
              {m}
            </p>
          ))}
        <div className="row">
          <button type="submit" className="primary">
            {t('settings.save')}
          </button>
          {saved ? (
            <span className="ok-text" role="status">
              {t('settings.saved')}
            </span>
          ) : null}
        </div>
      </form>
    </div>
  );
}
