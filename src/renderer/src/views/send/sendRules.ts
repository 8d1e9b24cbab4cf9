// "Why can't I press Send?" and "what does Ctrl+Enter do?", apart from the panel that shows them.
import { useEffect } from 'react';
import type { ImportReport } from '../../../../shared/contract';
import { t } from '../../i18n';

export const SEND_SHORTCUT = 'Control+Enter';

/** Fields with a control (and so an error line) of their own on this screen. */
export const FIELDS_SHOWN = ['name', 'sender', 'message', 'sendAt', 'importId', 'confirm'];

interface SendState {
  report: ImportReport | null;
  /** The message changed since the report was computed. */
  stale: boolean;
  analysing: boolean;
  message: string;
  sending: boolean;
}

export function canSend(c: SendState): boolean {
  return c.report != null && c.report.accepted > 0 && !c.stale && !c.analysing && c.message.trim() !== '' && !c.sending;
}

/** The sentence under a disabled Send button, or null when nothing the user must do blocks it. */
export function whyNotSend(c: SendState): string | null {
  if (!c.report) return t('send.why.noReport');
  if (c.report.accepted === 0) return t('send.why.noneAccepted');
  if (c.stale) return t('send.why.stale');
  if (c.message.trim() === '') return t('send.why.noMessage');
  return null;
}

/** Moves focus to the first field marked invalid, after React has rendered the error. */
export function focusFirstError(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.compose [aria-invalid="true"]')?.focus());
}

/** Ctrl+Enter (⌘+Enter) anywhere runs `open`, only while `enabled` (the button itself could be pressed). */
export function useSendShortcut(enabled: boolean, open: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && enabled) {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
