// Step 3 of compose: the estimate, scheduling, and sending (with the confirmation that shows what
// it costs). Ctrl+Enter (⌘+Enter) opens the confirmation from anywhere in Compose.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { ApiError, errorText } from '../bridge';
import { Field } from '../components/Field';
import { afterSend } from '../flows';
import { toLocalInput } from '../format';
import { useAppStore } from '../stores/app';
import { useComposeStore } from '../stores/compose';
import { EstimateTable } from './EstimateTable';
import { SendConfirm } from './SendConfirm';

/** Fields with a control (and so an error line) of their own on this screen. */
const FIELDS_SHOWN = ['name', 'sender', 'message', 'sendAt', 'importId', 'confirm'];

/** Moves focus to the first field marked invalid, after React has rendered the error. */
function focusFirstError(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.compose [aria-invalid="true"]')?.focus());
}

export const SEND_SHORTCUT = 'Control+Enter';

export function SendPanel(): React.JSX.Element {
  const { t } = useTranslation();
  const c = useComposeStore(
    useShallow((s) => ({
      report: s.report,
      stale: s.report != null && s.reportMessage !== s.message,
      analysing: s.phase === 'analysing',
      message: s.message,
      sender: s.sender,
      sending: s.sending,
      errors: s.errors,
      estimate: s.estimate,
      estimateError: s.estimateError,
      scheduleEnabled: s.scheduleEnabled,
      scheduleAt: s.scheduleAt,
      testStatus: s.testStatus,
      set: s.set,
    })),
  );
  const testNumber = useAppStore((s) => s.settings?.testNumber ?? null);
  const [confirm, setConfirm] = useState<null | { second: string | null }>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  // The picker's lower bound, from when Compose opened (the real check runs again before sending).
  const [minSendAt] = useState(() => toLocalInput(Date.now()));

  const canSend = c.report != null && c.report.accepted > 0 && !c.stale && !c.analysing && c.message.trim() !== '' && !c.sending;
  const whyNot = !c.report
    ? t('send.why.noReport')
    : c.report.accepted === 0
      ? t('send.why.noneAccepted')
      : c.stale
        ? t('send.why.stale')
        : c.message.trim() === ''
          ? t('send.why.noMessage')
          : null;

  const openConfirm = () => {
    setSendError(null);
    if (useComposeStore.getState().validateForSend(Date.now())) setConfirm({ second: null });
    else focusFirstError();
  };

  // The send shortcut, shown on the button; only while the button itself could be pressed.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && canSend && !confirm) {
        e.preventDefault();
        openConfirm();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const doSend = (confirmFlag: boolean) => {
    setSendError(null);
    useComposeStore
      .getState()
      .send(confirmFlag)
      .then(({ campaignId }) => {
        setConfirm(null);
        afterSend(campaignId);
      })
      .catch((e) => {
        if (e instanceof ApiError && e.kind === 'needs_confirmation' && !confirm?.second) {
          setConfirm({ second: e.message });
          return;
        }
        setConfirm(null);
        // A message about one field is shown at that field (the store put it there): not twice.
        if (!(e instanceof ApiError && e.field && FIELDS_SHOWN.includes(e.field))) setSendError(errorText(e));
        focusFirstError();
      });
  };

  return (
    <section className="panel" aria-labelledby="send-title">
      <h2 id="send-title">{t('send.title')}</h2>
      {c.estimateError ? (
        <p className="inline-error" role="alert">
          {c.estimateError}
        </p>
      ) : null}
      {c.estimate ? <EstimateTable est={c.estimate} /> : <p className="muted">{t('send.estimateLater')}</p>}

      <div className="row wrap">
        <label className="check">
          <input type="checkbox" checked={c.scheduleEnabled} onChange={(e) => c.set({ scheduleEnabled: e.target.checked })} />
          {t('send.schedule')}
        </label>
        {c.scheduleEnabled ? (
          <Field label={t('send.sendAt')} error={c.errors.sendAt} hint={t('send.sendAtHint')}>
            {(p) => (
              <input
                {...p}
                type="datetime-local"
                min={minSendAt}
                value={c.scheduleAt}
                onChange={(e) => c.set({ scheduleAt: e.target.value })}
              />
            )}
          </Field>
        ) : null}
      </div>

      {c.errors[''] || sendError ? (
        <p className="inline-error" role="alert">
          {sendError ?? c.errors['']}
        </p>
      ) : null}
      {c.errors.importId ? (
        <p className="inline-error" role="alert">
          {c.errors.importId}
        </p>
      ) : null}
      {c.errors.confirm ? (
        <p className="inline-error" role="alert">
          {c.errors.confirm}
        </p>
      ) : null}
      <div className="row wrap">
        <button
          type="button"
          id="send-button"
          className="primary"
          disabled={!canSend}
          aria-keyshortcuts={SEND_SHORTCUT}
          onClick={openConfirm}
        >
          {c.scheduleEnabled ? t('send.scheduleButton') : t('send.sendButton')}
        </button>
        <kbd className="shortcut" title={t('common.shortcut', { keys: 'Ctrl+Enter' })}>
          Ctrl+Enter
        </kbd>
        <button
          type="button"
          disabled={!testNumber || c.message.trim() === '' || c.sender.trim() === ''}
          onClick={() => testNumber && void useComposeStore.getState().sendTest(testNumber)}
          title={testNumber ? t('send.sendTestTitle', { number: testNumber }) : t('send.needTestNumber')}
        >
          {t('send.sendTest')}
        </button>
        {!testNumber ? <span className="muted">{t('send.needTestNumberLong')}</span> : null}
        {whyNot && !c.sending ? (
          <span className="muted" data-testid="send-blocked">
            {whyNot}
          </span>
        ) : null}
      </div>
      {c.testStatus ? (
        <p className={c.testStatus.ok ? 'ok-text' : 'inline-error'} role="status">
          {c.testStatus.text}
        </p>
      ) : null}

      {confirm && c.report ? (
        <SendConfirm second={confirm.second} onCancel={() => setConfirm(null)} onConfirm={() => doSend(true)} />
      ) : null}
    </section>
  );
}
