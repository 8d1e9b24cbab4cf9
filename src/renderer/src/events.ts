// Wires main's pushed events to the stores, and loads everything once at start and after a mode switch.
import { onEvent } from './bridge';
import { onModeChanged, useAppStore } from './stores/app';
import { useAccountStore } from './stores/account';
import { useComposeStore } from './stores/compose';
import { useOutboxStore } from './stores/outbox';
import { useResultsStore } from './stores/results';
import { useSuppressionStore } from './stores/suppression';

export function loadAll(): Promise<unknown> {
  return Promise.all([
    useAppStore.getState().load(),
    useAccountStore.getState().load(),
    useOutboxStore.getState().refresh(),
  ]);
}

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
    onModeChanged(() => {
      // Demo and live use separate data folders: nothing from the other mode may stay on screen.
      useComposeStore.getState().clearImport();
      useResultsStore.getState().select(null);
      void loadAll();
      void useSuppressionStore.getState().load();
    }),
  ];
  return () => offs.forEach((off) => off());
}
