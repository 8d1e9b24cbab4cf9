// A labelled progress bar; the fill width is set through React's style prop (CSSOM, allowed by our CSP).
export function ProgressBar({
  label,
  value,
  max,
  valueText,
}: {
  label: string;
  value: number;
  max: number;
  /** What a screen reader says instead of the bare number (e.g. "Checking rows: 1,200 of 5,000"). */
  valueText?: string;
}): React.JSX.Element {
  const pct = max > 0 ? Math.min(100, (value / max) * 100) : 0;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
    >
      <div className="progress-fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
