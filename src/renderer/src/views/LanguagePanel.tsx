// Language (saved at once, in the data folder's settings) and a word on the theme (it follows the OS).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract';
import { errorText } from '../bridge';
import { Field } from '../components/Field';
import { useAppStore } from '../stores/app';

// The pseudo-language is for tests only: never offered.
const CHOICES = ['system', 'en', 'da', 'sv', 'nb'] as const satisfies readonly Settings['language'][];

export function LanguagePanel(): React.JSX.Element {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.settings?.language ?? 'system');
  const update = useAppStore((s) => s.updateSettings);
  const [error, setError] = useState<string | undefined>();
  return (
    <section className="panel" aria-labelledby="appearance-settings">
      <h2 id="appearance-settings">{t('settings.appearanceTitle')}</h2>
      <Field label={t('settings.language')} hint={t('settings.languageHint')} error={error}>
        {(p) => (
          <select
            {...p}
            value={language}
            onChange={(e) => {
              setError(undefined);
              update({ language: e.target.value as Settings['language'] }).catch((err) => setError(errorText(err)));
            }}
          >
            {CHOICES.map((c) => (
              // Each language names itself, so someone who cannot read the current one finds theirs.
              <option key={c} value={c} lang={c === 'system' ? undefined : c}>
                {t(`settings.languages.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <p className="muted">{t('settings.themeHint')}</p>
    </section>
  );
}
