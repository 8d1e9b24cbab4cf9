// Settings: platform/base URL, token, sending limits, quiet hours, test number, demo/live mode.
// This file holds the sending form's state and save; the controls live in ./settings.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText } from '../bridge';
import { Field } from '../components/Field';
import { InlineError } from '../components/InlineError';
import { saveSettings } from '../flows';
import { useAppStore } from '../stores/app';
import { LanguagePanel } from './LanguagePanel';
import { AccountSettings } from './settings/AccountSettings';
import { draftToPatch, errorFor, toDraft, unshownErrors, type Draft } from './settings/draft';
import { GatewayFields, LimitFields, QuietHoursFields } from './settings/SendingFields';

export function SettingsView(): React.JSX.Element {
  const { t } = useTranslation();
  const settings = useAppStore((s) => s.settings);
  const app = useAppStore((s) => s.app);
  const [draft, setDraft] = useState<Draft | null>(settings ? toDraft(settings) : null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (settings && !draft) setDraft(toDraft(settings));
  }, [settings, draft]);
  if (!draft || !app) return <p>{t('settings.loading')}</p>;

  const change = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft({ ...draft, [key]: value });
    setSaved(false);
  };
  const err = (field: string) => errorFor(errors, field);

  const save = () => {
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
  };

  return (
    <div className="settings">
      <AccountSettings mode={app.mode} dataDir={app.dataDir} />

      <LanguagePanel />

      <form
        className="panel settings-form"
        aria-labelledby="sending-settings"
        // Main's validation messages are shown at each field; the browser's bubbles would hide them.
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <h2 id="sending-settings">{t('settings.sendingTitle')}</h2>
        <GatewayFields draft={draft} change={change} err={err} />
        <LimitFields draft={draft} change={change} err={err} />
        <QuietHoursFields draft={draft} change={change} err={err} pairError={errors.quietHours} />
        <Field label={t('settings.testNumber')} error={err('testNumber')} hint={t('settings.testNumberHint')}>
          {(p) => <input {...p} type="tel" value={draft.testNumber} onChange={(e) => change('testNumber', e.target.value)} />}
        </Field>
        {unshownErrors(errors).map(([k, m]) => (
          <InlineError key={k} message={m} />
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
