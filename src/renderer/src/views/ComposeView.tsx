// Compose: recipients file → mapping → report, message with merge fields, estimate, send.
import { useEffect, useRef, useState } from 'react';
import { nonGsmChars, smsParts } from '../../../shared/sms';
import { ApiError, errorText } from '../bridge';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { formatCount, formatMoney, formatTime, plural, previewTable } from '../format';
import { useAccountStore } from '../stores/account';
import { useAppStore } from '../stores/app';
import { useComposeStore } from '../stores/compose';
import { useOutboxStore } from '../stores/outbox';
import { useResultsStore } from '../stores/results';
import { ImportPanel } from './ImportPanel';

/** Fields with a control (and so an error line) of their own on this screen. */
const FIELDS_SHOWN = ['name', 'sender', 'message', 'sendAt', 'importId', 'confirm'];

/** Moves focus to the first field marked invalid, after React has rendered the error. */
function focusFirstError(): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.compose [aria-invalid="true"]')?.focus());
}

/** Above this many rows the report is not recomputed on every message edit; the user asks for it. */
const AUTO_RECHECK_ROWS = 20_000;

export function ComposeView(): React.JSX.Element {
  const c = useComposeStore();
  const app = useAppStore((s) => s.app);
  const settings = useAppStore((s) => s.settings);
  const setView = useAppStore((s) => s.setView);
  const account = useAccountStore((s) => s.account);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [confirm, setConfirm] = useState<null | { second: string | null }>(null);
  const [sendError, setSendError] = useState<string | null>(null);

  const stale = c.report != null && c.reportMessage !== c.message;
  const autoRecheck = stale && c.preview != null && c.preview.totalRows <= AUTO_RECHECK_ROWS;

  // The report's merge and length checks depend on the message: recheck shortly after typing stops.
  useEffect(() => {
    if (!autoRecheck || c.phase === 'analysing') return;
    const t = setTimeout(() => void useComposeStore.getState().analyse(), 600);
    return () => clearTimeout(t);
  }, [autoRecheck, c.message, c.phase]);

  const counter = smsParts(c.message);
  const unicodeBecause = nonGsmChars(c.message)
    .slice(0, 5)
    .map((ch) => `“${ch}”`)
    .join(' ');
  const headers = c.preview ? previewTable(c.preview, c.mapping.hasHeader).headers : [];
  const mergeColumns = headers.filter((_, i) => i !== c.mapping.phoneColumn);

  const insertTag = (h: string) => {
    const el = textRef.current;
    const start = el?.selectionStart ?? c.message.length;
    const end = el?.selectionEnd ?? c.message.length;
    const caret = c.insertAt(`%${h}%`, start, end);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(caret, caret);
    });
  };

  const canSend =
    c.report != null && c.report.accepted > 0 && !stale && c.phase !== 'analysing' && c.message.trim() !== '' && !c.sending;
  const whyNot = !c.report
    ? 'Choose a recipients file and check it first.'
    : c.report.accepted === 0
      ? 'No recipient can be sent to.'
      : stale
        ? 'The message changed: the recipients are being checked again.'
        : c.message.trim() === ''
          ? 'Write a message.'
          : null;

  const doSend = (confirmFlag: boolean) => {
    setSendError(null);
    c.send(confirmFlag)
      .then(({ campaignId }) => {
        setConfirm(null);
        c.clearImport();
        useResultsStore.getState().select(campaignId);
        void useOutboxStore.getState().refresh();
        setView('outbox');
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

  const est = c.estimate;
  return (
    <div className="compose">
      <ImportPanel />

      <section className="panel" aria-labelledby="message-title">
        <h2 id="message-title">2. Message</h2>
        <div className="row wrap">
          <Field label="Campaign name" error={c.errors.name}>
            {(p) => <input {...p} value={c.name} onChange={(e) => c.set({ name: e.target.value })} />}
          </Field>
          <Field label="Sender" error={c.errors.sender} hint="Up to 11 letters and digits, or a phone number (up to 15 digits)">
            {(p) => <input {...p} value={c.sender} maxLength={15} onChange={(e) => c.set({ sender: e.target.value })} />}
          </Field>
        </div>
        <Field
          label="Message"
          error={c.errors.message}
          hint={
            <span data-testid="sms-counter">
              {counter.chars} characters · {counter.encoding === 'GSM7' ? 'GSM-7' : 'Unicode (UCS-2)'} ·{' '}
              {plural(counter.parts, 'part')}
              {mergeColumns.length ? ' (before merge fields)' : ''}
              {counter.encoding === 'UCS2' ? ` · Unicode because of ${unicodeBecause}: fewer characters fit in each part` : ''}
            </span>
          }
        >
          {(p) => (
            <textarea {...p} ref={textRef} rows={5} value={c.message} onChange={(e) => c.set({ message: e.target.value })} />
          )}
        </Field>
        {mergeColumns.length ? (
          <div className="chips" role="group" aria-label="Merge fields">
            <span className="muted">Insert a merge field:</span>
            {mergeColumns.map((h) => (
              <button key={h} type="button" className="chip" aria-label={`Insert merge field ${h}`} onClick={() => insertTag(h)}>
                %{h}%
              </button>
            ))}
          </div>
        ) : null}
        {c.report && c.report.merge.unknown.length ? (
          <p className="warn-text">
            {c.report.merge.unknown.map((t) => `%${t}%`).join(', ')} {c.report.merge.unknown.length === 1 ? 'is' : 'are'} not a
            column and will be sent as written.
          </p>
        ) : null}
      </section>

      <section className="panel" aria-labelledby="send-title">
        <h2 id="send-title">3. Cost and sending</h2>
        {c.estimateError ? <p className="inline-error" role="alert">{c.estimateError}</p> : null}
        {est ? (
          <div className="estimate" data-testid="estimate">
            <table className="table compact">
              <caption>Estimated cost</caption>
              <thead>
                <tr>
                  <th scope="col">Country</th>
                  <th scope="col">Recipients</th>
                  <th scope="col">SMS parts</th>
                  <th scope="col">Price per part</th>
                  <th scope="col">Cost</th>
                </tr>
              </thead>
              <tbody>
                {est.lines.map((l) => (
                  <tr key={l.country}>
                    <td>{l.country}</td>
                    <td>{formatCount(l.recipients)}</td>
                    <td>{formatCount(l.parts)}</td>
                    <td>{formatMoney(l.unitPrice, est.currency)}</td>
                    <td>{formatMoney(l.cost, est.currency)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Total</th>
                  <td>{formatCount(est.recipients)}</td>
                  <td>{formatCount(est.parts)}</td>
                  <td />
                  <td data-testid="estimate-total">{formatMoney(est.total, est.currency)}</td>
                </tr>
              </tfoot>
            </table>
            <p className="muted">
              Credit: {formatMoney(est.credit, est.currency)}
              {est.priceListDate ? ` · prices from ${formatTime(est.priceListDate)}` : ''}
            </p>
            {est.missingPrices.length ? (
              <p className="warn-text">No price known for {est.missingPrices.join(', ')}: the total leaves them out.</p>
            ) : null}
            {est.exceedsCredit ? (
              <p className="banner banner-error" role="alert">
                The estimated cost is more than your credit. Sending will pause when the credit runs out.
              </p>
            ) : null}
          </div>
        ) : (
          <p className="muted">The estimate appears once the recipients are checked.</p>
        )}

        <div className="row wrap">
          <label className="check">
            <input
              type="checkbox"
              checked={c.scheduleEnabled}
              onChange={(e) => c.set({ scheduleEnabled: e.target.checked })}
            />
            Schedule for later
          </label>
          {c.scheduleEnabled ? (
            <Field label="Send at" error={c.errors.sendAt} hint="GatewayAPI holds the messages until then, even if this computer is off">
              {(p) => (
                <input
                  {...p}
                  type="datetime-local"
                  min={formatTime(Date.now()).replace(' ', 'T')}
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
        {c.errors.importId ? <p className="inline-error" role="alert">{c.errors.importId}</p> : null}
        {c.errors.confirm ? <p className="inline-error" role="alert">{c.errors.confirm}</p> : null}
        <div className="row wrap">
          <button
            type="button"
            className="primary"
            disabled={!canSend}
            onClick={() => {
              setSendError(null);
              if (c.validateForSend(Date.now())) setConfirm({ second: null });
              else focusFirstError();
            }}
          >
            {c.scheduleEnabled ? 'Schedule…' : 'Send…'}
          </button>
          <button
            type="button"
            disabled={!settings?.testNumber || c.message.trim() === '' || c.sender.trim() === ''}
            onClick={() => settings?.testNumber && void c.sendTest(settings.testNumber)}
            title={settings?.testNumber ? `Sends one SMS to ${settings.testNumber}` : 'Set your test number in Settings first'}
          >
            Send a test to myself
          </button>
          {!settings?.testNumber ? <span className="muted">Set your test number in Settings to send a test.</span> : null}
          {whyNot && !c.sending ? <span className="muted" data-testid="send-blocked">{whyNot}</span> : null}
        </div>
        {c.testStatus ? (
          <p className={c.testStatus.ok ? 'ok-text' : 'inline-error'} role="status">
            {c.testStatus.text}
          </p>
        ) : null}
      </section>

      {confirm && c.report ? (
        <Dialog
          title={
            confirm.second
              ? 'Send anyway?'
              : c.scheduleEnabled
                ? `Schedule ${plural(c.report.accepted, 'message')}?`
                : `Send ${plural(c.report.accepted, 'message')}?`
          }
          confirmLabel={confirm.second ? 'Send anyway' : c.scheduleEnabled ? 'Schedule' : 'Send now'}
          danger={Boolean(confirm.second) || Boolean(est?.exceedsCredit)}
          busy={c.sending}
          onCancel={() => setConfirm(null)}
          // Our dialog already showed recipients, parts and cost: that is the confirmation main asks for.
          // If main still wants one (its numbers differ), its own message is shown before a second try.
          onConfirm={() => doSend(true)}
        >
          {confirm.second ? (
            <p className="warn-text">{confirm.second}</p>
          ) : (
            <>
              <p data-testid="confirm-summary">
                {plural(c.report.accepted, 'recipient')} · {plural(est?.parts ?? c.report.parts, 'SMS part')} · estimated
                cost {formatMoney(est?.total ?? null, est?.currency ?? account?.currency ?? null)}
              </p>
              {c.scheduleEnabled && c.scheduleAt ? <p>Sends at {c.scheduleAt.replace('T', ' ')}.</p> : null}
              {est?.exceedsCredit ? (
                <p className="banner banner-error">
                  Warning: the estimated cost ({formatMoney(est.total, est.currency)}) is more than your credit (
                  {formatMoney(est.credit, est.currency)}). Sending will stop when the credit runs out, part way
                  through the list.
                </p>
              ) : null}
              {app?.mode === 'demo' ? <p className="muted">Demo mode: the built-in simulator answers; nothing is really sent.</p> : null}
              <p className="muted">Once sent, messages cannot be called back.</p>
            </>
          )}
        </Dialog>
      ) : null}
    </div>
  );
}
