// Literal tag replacement, as GatewayAPI does it: every occurrence of a tag in the message is
// replaced by the recipient's value for that tag. The message is split once per request, so each
// recipient costs one join instead of one search per tag.

export type Render = (values: readonly string[]) => string;

export function compileTemplate(message: string, tags: readonly string[]): Render {
  const live = tags.map((t, i) => ({ t, i })).filter((x) => x.t.length > 0);
  if (live.length === 0) return () => message;
  // Longest tag first, so "%name%" never shadows "%name%2" at the same position.
  live.sort((a, b) => b.t.length - a.t.length);
  const pieces: (string | number)[] = [];
  let literal = '';
  let i = 0;
  outer: while (i < message.length) {
    for (const { t, i: tagIndex } of live) {
      if (message.startsWith(t, i)) {
        if (literal) pieces.push(literal);
        literal = '';
        pieces.push(tagIndex);
        i += t.length;
        continue outer;
      }
    }
    literal += message[i];
    i++;
  }
  if (literal) pieces.push(literal);
  if (pieces.every((p) => typeof p === 'string')) return () => message;
  return (values) => {
    let out = '';
    for (const p of pieces) out += typeof p === 'string' ? p : values[p];
    return out;
  };
}
