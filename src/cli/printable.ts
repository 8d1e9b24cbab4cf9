// Everything the CLI prints may carry text from a CSV file or the outbox (names, file names, cells,
// GatewayAPI's messages): an escape sequence in a cell could recolour, retitle or clear the user's
// terminal, or fake a line. So control characters never reach it.

// C0 controls except tab and line feed, DEL, C1 controls (0x9b is a one-byte CSI), and every bidi
// control that reorders what is shown: embeddings and overrides U+202A–U+202E, isolates
// U+2066–U+2069, the marks U+200E/U+200F and the Arabic letter mark U+061C (a name such as
// "Anna\u202Egnp.exe" would otherwise read differently from what it is). Carriage return is handled
// apart (the progress line).
const CONTROLS = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** For a whole write: strips control characters; a carriage return survives only at the very start. */
export function printable(text: string): string {
  const rewrite = text.startsWith('\r');
  const clean = text.replace(CONTROLS, '').replace(/\r/g, '');
  return rewrite ? '\r' + clean : clean;
}

/**
 * For one value inside a line (a name, a cell): line breaks of every kind (also U+2028/U+2029, NEL,
 * vertical tab, form feed) and tabs become a space, so a value cannot fake a row of its own.
 */
export function oneLine(value: string): string {
  return value.replace(/[\r\n\t\v\f\u0085\u2028\u2029]+/g, ' ');
}
