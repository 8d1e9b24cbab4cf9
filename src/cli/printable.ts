// Everything the CLI prints may carry text from a CSV file or the outbox (names, file names, cells,
// GatewayAPI's messages): an escape sequence in a cell could recolour, retitle or clear the user's
// terminal, or fake a line. So control characters never reach it.

// C0 controls except tab and line feed, DEL, C1 controls (0x9b is a one-byte CSI), and the bidi
// overrides/isolates that reorder what is shown. Carriage return is handled apart (the progress line).
const CONTROLS = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** For a whole write: strips control characters; a carriage return survives only at the very start. */
export function printable(text: string): string {
  const rewrite = text.startsWith('\r');
  const clean = text.replace(CONTROLS, '').replace(/\r/g, '');
  return rewrite ? '\r' + clean : clean;
}

/** For one value inside a line (a name, a cell): line breaks and tabs become spaces as well. */
export function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ');
}
