// Layout: header, banners, then the current view (or the first-run panel). The whole window takes
// a dropped CSV file, and Ctrl/⌘+F goes to the campaign search from anywhere.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dropRecipientsFile, focusCampaignSearch } from './flows';
import { useAppStore } from './stores/app';
import { Banners } from './views/Banners';
import { ComposeView } from './views/ComposeView';
import { Header } from './views/Header';
import { OutboxView } from './views/OutboxView';
import { SettingsView } from './views/SettingsView';
import { SuppressionView } from './views/SuppressionView';
import { Welcome } from './views/Welcome';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/** Window-wide file drop: the dragged-over state for the overlay; a drop becomes the recipients file. */
function useFileDrop(enabled: boolean): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!enabled || !hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const leave = () => {
      if (!enabled) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    // Without preventDefault on dragover the browser would open the file itself (navigating away).
    const overFn = (e: DragEvent) => {
      if (hasFiles(e)) e.preventDefault();
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      // Always: a file dropped on the welcome panel must not replace the page with the file.
      e.preventDefault();
      depth = 0;
      setOver(false);
      if (!enabled) return;
      const file = e.dataTransfer?.files[0];
      // A drop onto a file input is that input's business (its own change handler reads it).
      if (file && !(e.target instanceof HTMLInputElement && e.target.type === 'file')) dropRecipientsFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', overFn);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('drop', drop);
    };
  }, [enabled]);
  return over;
}

export function App(): React.JSX.Element {
  const { t } = useTranslation();
  const app = useAppStore((s) => s.app);
  const view = useAppStore((s) => s.view);
  const firstRun = app != null && app.mode === 'live' && !app.token.set;
  const dragging = useFileDrop(app != null && !firstRun);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        focusCampaignSearch();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  let body: React.JSX.Element;
  if (!app) body = <p className="muted">{t('common.loading')}</p>;
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
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          <p>{t('app.dropHere')}</p>
        </div>
      ) : null}
    </>
  );
}
