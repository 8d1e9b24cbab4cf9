// Shows which characters make the message Unicode (UCS-2: 70 characters a part instead of 160),
// highlighted in the text, with one click to swap typographic ones for their GSM-7 look-alikes.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { replaceLookAlikes, splitForHighlight, unicodeChars } from '../gsmFix';
import { useComposeStore } from '../stores/compose';

/** How a character is shown in the list: invisible ones (spaces) by their code point. */
function visible(ch: string): string {
  return /\s|[\u200B\uFEFF]/.test(ch) ? `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : ch;
}

export function Ucs2Hint(): React.JSX.Element | null {
  const { t } = useTranslation();
  const message = useComposeStore((s) => s.message);
  const set = useComposeStore((s) => s.set);
  const [result, setResult] = useState<string | null>(null);
  const chars = unicodeChars(message);
  if (chars.length === 0) {
    return result ? (
      <p className="ok-text" role="status">
        {result}
      </p>
    ) : null;
  }
  const fixable = chars.filter((c) => c.replacement != null);
  return (
    <div className="ucs2-hint" data-testid="ucs2-hint">
      <p>
        <strong>{t('message.ucs2Title')}</strong> {t('message.ucs2Explain', { count: chars.length })}
      </p>
      <p className="ucs2-text" aria-hidden="true">
        {splitForHighlight(message).map((part, i) =>
          part.unicode ? (
            <mark key={i} className="ucs2-char">
              {/\s/.test(part.text) ? '\u2423' : part.text}
            </mark>
          ) : (
            <span key={i}>{part.text}</span>
          ),
        )}
      </p>
      <ul className="ucs2-list">
        {chars.map((c) => (
          <li key={c.char}>
            <mark className="ucs2-char">{visible(c.char)}</mark> {t(`message.charName.${c.kind}`)}
            {c.replacement != null ? (
              <>
                {' → '}
                <code>{c.replacement === '' ? '∅' : c.replacement === ' ' ? '␣' : c.replacement}</code>
              </>
            ) : (
              <span className="muted"> ({t('message.noLookAlike')})</span>
            )}
          </li>
        ))}
      </ul>
      {fixable.length ? (
        <button
          type="button"
          onClick={() => {
            const { text, replaced } = replaceLookAlikes(message);
            set({ message: text });
            const rest = unicodeChars(text).length;
            setResult(t(rest ? 'message.replacePartial' : 'message.replaceResult', { count: replaced }));
          }}
        >
          {t('message.replaceAll')}
        </button>
      ) : null}
      {result ? (
        <p className="ok-text" role="status">
          {result}
        </p>
      ) : null}
    </div>
  );
}
