// The message as real recipients get it: step through them (first, previous, next, a file row) or
// jump to the campaign's longest message; each with its merged text, parts and encoding.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../format';
import { useComposeStore } from '../stores/compose';
import { usePreviewStore } from '../stores/preview';
import { InlineError } from '../components/InlineError';
import { say } from '../i18n';

export function PreviewPanel(): React.JSX.Element {
  const { t } = useTranslation();
  // Only a report made for the message as it is now can be previewed (merge fields depend on it).
  const importId = useComposeStore((s) => (s.report && s.reportMessage === s.message ? s.report.importId : null));
  const reportMessage = useComposeStore((s) => s.reportMessage);
  const current = usePreviewStore((s) => s.current);
  const error = usePreviewStore((s) => s.error);
  const [rowText, setRowText] = useState('');

  // A new report (new file, mapping or message): start again at the first recipient.
  useEffect(() => {
    if (importId) void usePreviewStore.getState().show(importId, { index: 0 });
    else usePreviewStore.getState().reset();
  }, [importId, reportMessage]);

  const store = usePreviewStore.getState;
  const atFirst = current?.index === 0;
  const atLast = current?.index != null && current.index >= current.total - 1;
  const rowNo = Number(rowText);
  return (
    <section className="panel preview-panel" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('preview.title')}</h2>
      {!importId ? (
        <p className="muted">{t('preview.empty')}</p>
      ) : (
        <>
          <div className="row wrap preview-nav">
            <button type="button" disabled={!current || atFirst} onClick={() => void store().show(importId, { index: 0 })}>
              {t('preview.first')}
            </button>
            <button type="button" disabled={!current || current.index == null || atFirst} onClick={() => void store().next(-1)}>
              {t('preview.prev')}
            </button>
            <button type="button" disabled={!current || atLast} onClick={() => void store().next(1)}>
              {t('preview.next')}
            </button>
            <form
              className="row preview-row-form"
              onSubmit={(e) => {
                e.preventDefault();
                if (Number.isInteger(rowNo) && rowNo > 0) void store().show(importId, { rowNo });
              }}
            >
              <label htmlFor="preview-row">{t('preview.row')}</label>
              <input
                id="preview-row"
                type="number"
                min={1}
                size={6}
                inputMode="numeric"
                value={rowText}
                onChange={(e) => setRowText(e.target.value)}
              />
              <button type="submit" disabled={!(Number.isInteger(rowNo) && rowNo > 0)}>
                {t('preview.go')}
              </button>
            </form>
            <button type="button" onClick={() => void store().show(importId, { longest: true })}>
              {t('preview.longest')}
            </button>
          </div>
          <InlineError message={error} />
          {current ? (
            <div className="preview-card" data-testid="recipient-preview" aria-live="polite">
              {current.rejected != null ? (
                <p className="warn-text">
                  {t('preview.notAccepted', {
                    row: current.rowNo,
                    reason: current.rejectedText ? say(current.rejectedText) : current.rejected,
                  })}
                </p>
              ) : (
                <>
                  <p className="muted">
                    <span data-testid="preview-row">{t('preview.showing', { row: current.rowNo, phone: current.msisdn })}</span>
                    {' · '}
                    {t('preview.position', { index: formatCount((current.index ?? 0) + 1), total: formatCount(current.total) })}
                  </p>
                  <blockquote className="sms-bubble" aria-label={t('preview.rowLabel', { row: current.rowNo })}>
                    {current.text}
                  </blockquote>
                  <p className="muted" data-testid="preview-stats">
                    {t('preview.stats', {
                      count: current.parts,
                      chars: current.chars,
                      encoding: current.encoding === 'UCS2' ? t('message.ucs2') : t('message.gsm7'),
                    })}
                  </p>
                </>
              )}
              {current.longest ? (
                <p className="muted" data-testid="preview-longest">
                  {t('preview.longestInfo', { count: current.longest.parts, row: current.longest.rowNo })}
                </p>
              ) : null}
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
