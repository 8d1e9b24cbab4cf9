// Wires main's pushed events to the stores (the loading itself is in flows.ts).
import { onEvent } from './bridge';
import { afterModeChanged } from './flows';
import { onModeChanged, useAppStore } from './stores/app';
import { useAccountStore } from './stores/account';
import { useComposeStore } from './stores/compose';
import { useOutboxStore } from './stores/outbox';
import { useResultsStore } from './stores/results';

/** Subscribes once; returns the unsubscribe for tests/hot reload. */
export function startEvents(): () => void {
  const offs = [
    onEvent('outbox.changed', ({ campaignIds }) => {
      void useOutboxStore.getState().refresh();
      const results = useResultsStore.getState();
      if (results.campaignId != null && (campaignIds.length === 0 || campaignIds.includes(results.campaignId))) {
        results.invalidate();
      }
    }),
    onEvent('import.progress', (p) => useComposeStore.getState().onProgress(p)),
    onEvent('account.changed', (a) => useAccountStore.getState().set(a)),
    onEvent('notice', (n) => useAppStore.getState().addNotice(n)),
    onModeChanged(afterModeChanged),
  ];
  return () => offs.forEach((off) => off());
}
