// Write-only token entry: the token goes to main and is never read back; main tells only whether one
// is set, when it was saved and whether GatewayAPI accepted it last time (no character of it).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../bridge';
import { Field } from '../components/Field';
import { formatTime } from '../format';
import { useAppStore } from '../stores/app';

export function TokenForm(): React.JSX.Element {
  const { t } = useTranslation();
  const app = useAppStore((s) => s.app);
  const setToken = useAppStore((s) => s.setToken);
  const clearToken = useAppStore((s) => s.clearToken);
  const [token, setTokenText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const info = app?.token;
  const verdict = info?.accepted === true ? t('token.accepted') : info?.accepted === false ? t('token.refused') : null;
  const hint = info?.set
    ? [t('token.set'), info.savedAt != null ? t('token.savedAt', { at: formatTime(info.savedAt) }) : null, verdict]
        .filter(Boolean)
        .join(' · ')
    : t('token.notSet');

  return (
    <form
      className="token-form"
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        setError(undefined);
        setSaved(null);
        setToken(token)
          .then(() => {
            setTokenText('');
            setSaved(t('token.saved'));
          })
          .catch((err) => setError(errorText(err)))
          .finally(() => setBusy(false));
      }}
    >
      <Field label={t('token.label')} error={error} hint={<span data-testid="token-hint">{hint}</span>}>
        {(p) => (
          <input
            {...p}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onChange={(e) => setTokenText(e.target.value)}
            placeholder={app?.token.set ? t('token.placeholderReplace') : t('token.placeholderNew')}
          />
        )}
      </Field>
      <div className="row">
        <button type="submit" className="primary" disabled={busy || token.trim() === ''}>
          {t('token.save')}
        </button>
        {app?.token.set ? (
          <button
            type="button"
            onClick={() => {
              setSaved(null);
              clearToken()
                .then(() => setSaved(t('token.removed')))
                .catch((err) => setError(errorText(err)));
            }}
          >
            {t('token.remove')}
          </button>
        ) : null}
        {saved ? (
          <span className="ok-text" role="status">
            {saved}
          </span>
        ) : null}
      </div>
    </form>
  );
}
