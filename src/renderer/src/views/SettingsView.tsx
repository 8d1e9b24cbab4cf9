// Settings: platform/base URL, token, sending limits, quiet hours, test number, demo/live mode.
import { useEffect, useState } from 'react';
import type { Settings } from '../../../shared/contract';
import { ApiError, errorText } from '../bridge';
import { Field } from '../components/Field';
import { PLATFORMS } from '../constants';
import { useAppStore } from '../stores/app';
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
    if (text.trim() === '' || !Number.isFinite(n)) errors[field] = 'Enter a number.';
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
  if (d.platform === 'custom' && !patch.customBaseUrl) errors.customBaseUrl = 'Enter the base URL, e.g. https://gatewayapi.com';
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
  const settings = useAppStore((s) => s.settings);
  const app = useAppStore((s) => s.app);
  const update = useAppStore((s) => s.updateSettings);
  const setMode = useAppStore((s) => s.setMode);
  const [draft, setDraft] = useState<Draft | null>(settings ? toDraft(settings) : null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [modeError, setModeError] = useState<string | null>(null);

  useEffect(() => {
    if (settings && !draft) setDraft(toDraft(settings));
  }, [settings, draft]);
  if (!draft || !app) return <p>Loading settings…</p>;

  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft({ ...draft, [key]: value });
    setSaved(false);
  };
  // Main names nested fields with dots ("quietHours.start"): show them next to the matching control.
  const err = (field: string) => errors[field] ?? Object.entries(errors).find(([k]) => k.startsWith(`${field}.`))?.[1];

  return (
    <div className="settings">
      <section className="panel" aria-labelledby="account-settings">
        <h2 id="account-settings">GatewayAPI account</h2>
        <p className="muted">
          Mode: <strong>{app.mode === 'demo' ? 'Demo (built-in simulator)' : 'Live'}</strong> · Data folder:{' '}
          <code>{app.dataDir}</code>
        </p>
        <div className="row mode-row">
          {app.mode === 'demo' ? (
            <button type="button" onClick={() => setMode('live').catch((e) => setModeError(errorText(e)))}>
              Leave demo mode
            </button>
          ) : (
            <button type="button" onClick={() => setMode('demo').catch((e) => setModeError(errorText(e)))}>
              Switch to demo mode
            </button>
          )}
          {modeError ? <span className="inline-error" role="alert">{modeError}</span> : null}
        </div>
        {app.mode === 'live' ? <TokenForm /> : <p className="muted">Demo mode needs no token.</p>}
      </section>

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
          update(patch)
            .then(() => {
              setSaved(true);
              // Show what main stored (it may normalise values).
              const stored = useAppStore.getState().settings;
              if (stored) setDraft(toDraft(stored));
            })
            .catch((e2) => setErrors(e2 instanceof ApiError && e2.field ? { [e2.field]: e2.message } : { '': errorText(e2) }));
        }}
      >
        <h2 id="sending-settings">Sending</h2>
        <Field label="Platform" error={err('platform')}>
          {(p) => (
            <select {...p} value={draft.platform} onChange={(e) => change('platform', e.target.value as Settings['platform'])}>
              {PLATFORMS.map((pl) => (
                <option key={pl.value} value={pl.value}>
                  {pl.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {draft.platform === 'custom' ? (
          <Field label="Custom base URL" error={err('customBaseUrl')} hint="For a proxy or a test server, e.g. https://sms.example.com">
            {(p) => <input {...p} type="url" value={draft.customBaseUrl} onChange={(e) => change('customBaseUrl', e.target.value)} />}
          </Field>
        ) : null}
        <Field label="Default country" error={err('defaultCountry')} hint="Two letters, used for numbers written without a country code">
          {(p) => (
            <input {...p} maxLength={2} value={draft.defaultCountry} onChange={(e) => change('defaultCountry', e.target.value.toUpperCase())} />
          )}
        </Field>
        <Field
          label="Low-credit warning below"
          error={err('lowCreditThreshold')}
          hint="In your account's currency: below this, a banner and a notification warn you"
        >
          {(p) => (
            <input {...p} type="number" min={0} step="any" value={draft.lowCreditThreshold} onChange={(e) => change('lowCreditThreshold', e.target.value)} />
          )}
        </Field>
        <Field label="Batch size" error={err('batchSize')} hint="Recipients per request (1–10,000). Smaller batches limit how many become uncertain after a network error.">
          {(p) => <input {...p} type="number" min={1} max={10000} value={draft.batchSize} onChange={(e) => change('batchSize', e.target.value)} />}
        </Field>
        <Field label="Rate limit (messages per minute)" error={err('ratePerMinute')} hint="Leave empty for no limit">
          {(p) => <input {...p} type="number" min={1} value={draft.ratePerMinute} onChange={(e) => change('ratePerMinute', e.target.value)} />}
        </Field>
        <Field label="Concurrent requests" error={err('maxConcurrent')}>
          {(p) => <input {...p} type="number" min={1} max={10} value={draft.maxConcurrent} onChange={(e) => change('maxConcurrent', e.target.value)} />}
        </Field>
        <Field label="Most SMS parts per message" error={err('maxParts')}>
          {(p) => <input {...p} type="number" min={1} max={255} value={draft.maxParts} onChange={(e) => change('maxParts', e.target.value)} />}
        </Field>
        <fieldset className="quiet-hours">
          <legend>Quiet hours</legend>
          <label className="check">
            <input type="checkbox" checked={draft.quietEnabled} onChange={(e) => change('quietEnabled', e.target.checked)} />
            Hold messages during quiet hours (recipient's local time)
          </label>
          <div className="row">
            <Field label="Quiet hours start" error={err('quietHours.start')}>
              {(p) => <input {...p} type="time" value={draft.quietStart} onChange={(e) => change('quietStart', e.target.value)} />}
            </Field>
            <Field label="Quiet hours end" error={err('quietHours.end')}>
              {(p) => <input {...p} type="time" value={draft.quietEnd} onChange={(e) => change('quietEnd', e.target.value)} />}
            </Field>
          </div>
          {errors.quietHours ? (
            <div className="field-error" role="alert">
              {errors.quietHours}
            </div>
          ) : null}
        </fieldset>
        <Field label="Your test number" error={err('testNumber')} hint="Used by “Send a test to myself”">
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
            Save settings
          </button>
          {saved ? <span className="ok-text" role="status">Settings saved.</span> : null}
        </div>
      </form>
    </div>
  );
}
