// First run (live mode, no token): try the built-in simulator, or enter a token.
import { useState } from 'react';
import { errorText } from '../bridge';
import { useAppStore } from '../stores/app';
import { TokenForm } from './TokenForm';

export function Welcome(): React.JSX.Element {
  const setMode = useAppStore((s) => s.setMode);
  const keychainOk = useAppStore((s) => s.app?.keychain.ok ?? true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section className="panel welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to SMS Outbox</h2>
      <p>Send SMS campaigns to a list of contacts through GatewayAPI, and follow their delivery.</p>
      <div className="welcome-options">
        <div className="welcome-option">
          <h3>Try it first</h3>
          <p>Runs the whole flow against a built-in simulator, with its own data. Nothing is really sent.</p>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              setError(null);
              setMode('demo')
                .catch((e) => setError(errorText(e)))
                .finally(() => setBusy(false));
            }}
          >
            Try the demo (built-in simulator, nothing is really sent)
          </button>
          {error ? <p className="inline-error" role="alert">{error}</p> : null}
        </div>
        <div className="welcome-option">
          <h3>Use your GatewayAPI account</h3>
          <p>
            Create an API token in GatewayAPI's dashboard and paste it here.{' '}
            {keychainOk
              ? 'It is stored in the system keychain and never shown again.'
              : 'No system keychain is available, so it is kept in memory until you close the app, and never shown again.'}{' '}
            Choose the EU platform under Settings if your account lives there.
          </p>
          <TokenForm />
        </div>
      </div>
    </section>
  );
}
