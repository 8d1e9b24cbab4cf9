// The one way a view says "this did not work" next to what failed: a red line read out at once
// (role="alert"). Nothing is rendered while there is no message, so callers pass the state as is.
export function InlineError({
  message,
  inline = false,
}: {
  message: string | null | undefined;
  /** A <span> for a message inside a row of controls (e.g. beside a button); a paragraph otherwise. */
  inline?: boolean;
}): React.JSX.Element | null {
  if (!message) return null;
  const Tag = inline ? 'span' : 'p';
  return (
    <Tag className="inline-error" role="alert">
      {message}
    </Tag>
  );
}

/** A result line after an action: green and polite when it worked, red when it did not. */
export function ResultLine({ result }: { result: { ok: boolean; text: string } | null | undefined }): React.JSX.Element | null {
  if (!result) return null;
  return (
    <p className={result.ok ? 'ok-text' : 'inline-error'} role="status">
      {result.text}
    </p>
  );
}
