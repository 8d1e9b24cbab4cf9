// Compose: recipients file → message (with saved messages and the UCS-2 fix) → preview per recipient
// → cost and sending. Each step is its own panel; this view only lays them out and keeps the report
// in step with the message.
import { useEffect } from 'react';
import { useComposeStore } from '../stores/compose';
import { ImportPanel } from './ImportPanel';
import { MessagePanel } from './MessagePanel';
import { PreviewPanel } from './PreviewPanel';
import { SendPanel } from './SendPanel';

/** Above this many rows the report is not recomputed on every message edit; the user asks for it. */
const AUTO_RECHECK_ROWS = 20_000;

export function ComposeView(): React.JSX.Element {
  const message = useComposeStore((s) => s.message);
  const phase = useComposeStore((s) => s.phase);
  const autoRecheck = useComposeStore(
    (s) => s.report != null && s.reportMessage !== s.message && s.preview != null && s.preview.totalRows <= AUTO_RECHECK_ROWS,
  );

  // The report's merge and length checks depend on the message: recheck shortly after typing stops.
  useEffect(() => {
    if (!autoRecheck || phase === 'analysing') return;
    const t = setTimeout(() => void useComposeStore.getState().analyse(), 600);
    return () => clearTimeout(t);
  }, [autoRecheck, message, phase]);

  return (
    <div className="compose">
      <ImportPanel />
      <MessagePanel />
      <PreviewPanel />
      <SendPanel />
    </div>
  );
}
