// Step 3 of compose: the estimate, scheduling, and sending (with the confirmation that shows what
// it costs). Ctrl+Enter (⌘+Enter) opens the confirmation from anywhere in Compose. This file is
// the send itself (the review, then main's own dialog, errors); the rules and the schedule live in ./send.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { ApiError, errorText } from '../bridge';
import { InlineError, ResultLine } from '../components/InlineError';
import { afterSend } from '../flows';
import { useAppStore } from '../stores/app';
import { useComposeStore } from '../stores/compose';
import { EstimateTable } from './EstimateTable';
import { ScheduleFields } from './send/ScheduleFields';
import { canSend, FIELDS_SHOWN, focusFirstError, SEND_SHORTCUT, useSendShortcut, whyNotSend } from './send/sendRules';
import { SendConfirm } from './SendConfirm';

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
      testStatus: s.testStatus,
    })),
  );
  const testNumber = useAppStore((s) => s.settings?.testNumber ?? null);
  // The review (recipients, preview, cost); its button asks main, whose native dialog is the one yes.
  const [confirm, setConfirm] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const sendable = canSend(c);
  const whyNot = whyNotSend(c);

  const openConfirm = () => {
    setSendError(null);
    if (useComposeStore.getState().validateForSend(Date.now())) setConfirm(true);
    else focusFirstError();
  };
  useSendShortcut(sendable && !confirm, openConfirm);

  const doSend = () => {
    setSendError(null);
    useComposeStore
      .getState()
      .send()
      .then(({ campaignId }) => {
        setConfirm(false);
        afterSend(campaignId);
      })
      .catch((e) => {
        setConfirm(false);
        // A message about one field is shown at that field (the store put it there): not twice.
        if (!(e instanceof ApiError && e.field && FIELDS_SHOWN.includes(e.field))) setSendError(errorText(e));
        focusFirstError();
      });
  };

  return (
    <section className="panel" aria-labelledby="send-title">
      <h2 id="send-title">{t('send.title')}</h2>
      <InlineError message={c.estimateError} />
      {c.estimate ? <EstimateTable est={c.estimate} /> : <p className="muted">{t('send.estimateLater')}</p>}

      <ScheduleFields />

      <InlineError message={sendError ?? c.errors['']} />
      <InlineError message={c.errors.importId} />
      <InlineError message={c.errors.confirm} />
      <div className="row wrap">
        <button
          type="button"
          id="send-button"
          className="primary"
          disabled={!sendable}
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
      <ResultLine result={c.testStatus} />

      {confirm && c.report ? <SendConfirm onCancel={() => setConfirm(false)} onConfirm={doSend} /> : null}
    </section>
  );
}
