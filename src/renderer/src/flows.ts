// Sequences that span several stores, in one place: views call these instead of reaching into
// several stores themselves (and stores never call each other's actions).
import type { CampaignSummary, Settings } from '../../shared/contract';
import { useAccountStore } from './stores/account';
import { useAppStore } from './stores/app';
import { useComposeStore } from './stores/compose';
import { useOutboxStore } from './stores/outbox';
import { usePreviewStore } from './stores/preview';
import { useResultsStore } from './stores/results';
import { useSuppressionStore } from './stores/suppression';
import { useTemplatesStore } from './stores/templates';

/** Everything the window shows, loaded at start and again after a mode switch. */
export function loadAll(): Promise<unknown> {
  return Promise.all([
    useAppStore.getState().load(),
    useAccountStore.getState().load(),
    useOutboxStore.getState().refresh(),
    useTemplatesStore.getState().load(),
  ]);
}

/** Demo and live use separate data folders: nothing from the other mode may stay on screen. */
export function afterModeChanged(): void {
  clearCompose();
  useResultsStore.getState().select(null);
  void loadAll();
  void useSuppressionStore.getState().load();
}

export function clearCompose(): void {
  useComposeStore.getState().clearImport();
  usePreviewStore.getState().reset();
}

/** After a campaign was created: show it in the Outbox with its recipients open. */
export function afterSend(campaignId: number): void {
  clearCompose();
  useResultsStore.getState().select(campaignId);
  void useOutboxStore.getState().refresh();
  useAppStore.getState().setView('outbox');
}

/** A CSV dropped anywhere on the window becomes the recipients file (the picker's twin). */
export function dropRecipientsFile(file: File): void {
  const app = useAppStore.getState();
  app.setView('compose');
  usePreviewStore.getState().reset();
  void useComposeStore.getState().chooseFile(file, app.settings?.defaultCountry ?? 'DK');
}

/** Uncertain recipients decided: the campaign's counts and its banner change too, not just the rows. */
export async function resolveUncertain(campaignId: number, ids: number[] | null, action: 'resend' | 'mark_sent'): Promise<void> {
  const results = useResultsStore.getState();
  if (results.campaignId !== campaignId) results.select(campaignId);
  await useResultsStore.getState().resolve(ids, action);
  await useOutboxStore.getState().refresh();
}

export function toggleRecipients(c: CampaignSummary, open: boolean): void {
  useResultsStore.getState().select(open ? c.id : null);
}

/** Ctrl/Cmd+F: the campaign search, from any view. */
export function focusCampaignSearch(): void {
  useAppStore.getState().setView('outbox');
  // After the Outbox has rendered (it may just have been switched to).
  requestAnimationFrame(() => setTimeout(() => document.getElementById('campaign-search')?.focus(), 0));
}

/** Saves settings; "low credit" depends on the threshold just saved, so the account is re-read. */
export async function saveSettings(patch: Partial<Settings>): Promise<void> {
  await useAppStore.getState().updateSettings(patch);
  void useAccountStore.getState().load();
}
