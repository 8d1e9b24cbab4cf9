// Step 2 of compose: campaign name, sender, the message with merge fields, saved messages, and the
// characters that make it Unicode (with the one-click fix).
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { nonGsmChars, smsParts } from '../../../shared/sms';
import { Field } from '../components/Field';
import { previewTable } from '../format';
import { useComposeStore } from '../stores/compose';
import { TemplatesBar } from './TemplatesBar';
import { Ucs2Hint } from './Ucs2Hint';

export function MessagePanel(): React.JSX.Element {
  const { t } = useTranslation();
  const c = useComposeStore(
    useShallow((s) => ({
      name: s.name,
      sender: s.sender,
      message: s.message,
      errors: s.errors,
      preview: s.preview,
      hasHeader: s.mapping.hasHeader,
      phoneColumn: s.mapping.phoneColumn,
      unknownTags: s.report?.merge.unknown ?? null,
      set: s.set,
      insertAt: s.insertAt,
    })),
  );
  const textRef = useRef<HTMLTextAreaElement>(null);
  const counter = smsParts(c.message);
  const headers = c.preview ? previewTable(c.preview, c.hasHeader).headers : [];
  const mergeColumns = headers.filter((_, i) => i !== c.phoneColumn);

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

  return (
    <section className="panel" aria-labelledby="message-title">
      <h2 id="message-title">{t('message.title')}</h2>
      <div className="row wrap">
        <Field label={t('message.name')} error={c.errors.name}>
          {(p) => <input {...p} value={c.name} onChange={(e) => c.set({ name: e.target.value })} />}
        </Field>
        <Field label={t('message.sender')} error={c.errors.sender} hint={t('message.senderHint')}>
          {(p) => <input {...p} value={c.sender} maxLength={15} onChange={(e) => c.set({ sender: e.target.value })} />}
        </Field>
      </div>
      <TemplatesBar />
      <Field
        label={t('message.label')}
        error={c.errors.message}
        hint={
          <span data-testid="sms-counter">
            {t('message.counter', {
              count: counter.parts,
              chars: counter.chars,
              encoding: counter.encoding === 'GSM7' ? t('message.gsm7') : t('message.ucs2'),
            })}
            {mergeColumns.length ? t('message.beforeMerge') : ''}
            {counter.encoding === 'UCS2'
              ? t('message.unicodeBecause', {
                  chars: nonGsmChars(c.message)
                    .slice(0, 5)
                    .map((ch) => `“${ch}”`)
                    .join(' '),
                })
              : ''}
          </span>
        }
      >
        {(p) => <textarea {...p} ref={textRef} rows={5} value={c.message} onChange={(e) => c.set({ message: e.target.value })} />}
      </Field>
      <Ucs2Hint />
      {mergeColumns.length ? (
        <div className="chips" role="group" aria-label={t('message.mergeFields')}>
          <span className="muted">{t('message.insertMerge')}</span>
          {mergeColumns.map((h) => (
            <button
              key={h}
              type="button"
              className="chip"
              aria-label={t('message.insertMergeAria', { name: h })}
              onClick={() => insertTag(h)}
            >
              %{h}%
            </button>
          ))}
        </div>
      ) : null}
      {c.unknownTags?.length ? (
        <p className="warn-text">
          {t('message.unknownTags', { count: c.unknownTags.length, tags: c.unknownTags.map((x) => `%${x}%`).join(', ') })}
        </p>
      ) : null}
    </section>
  );
}
