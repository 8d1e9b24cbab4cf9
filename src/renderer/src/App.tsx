// Layout: header, banners, then the current view (or the first-run panel).
import { useAppStore } from './stores/app';
import { Banners } from './views/Banners';
import { ComposeView } from './views/ComposeView';
import { Header } from './views/Header';
import { OutboxView } from './views/OutboxView';
import { SettingsView } from './views/SettingsView';
import { SuppressionView } from './views/SuppressionView';
import { Welcome } from './views/Welcome';

export function App(): React.JSX.Element {
  const app = useAppStore((s) => s.app);
  const view = useAppStore((s) => s.view);
  const firstRun = app != null && app.mode === 'live' && !app.token.set;

  let body: React.JSX.Element;
  if (!app) body = <p className="muted">Loading…</p>;
  else if (firstRun && view === 'compose') body = <Welcome />;
  else if (view === 'outbox') body = <OutboxView />;
  else if (view === 'suppression') body = <SuppressionView />;
  else if (view === 'settings') body = <SettingsView />;
  else body = <ComposeView />;

  return (
    <>
      <Header />
      <Banners />
      <main className="main">{body}</main>
    </>
  );
}
