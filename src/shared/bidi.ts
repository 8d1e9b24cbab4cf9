// Text from outside (a contact's name, a campaign name, GatewayAPI's words) shown inside our own
// sentences and tables. Explicit bidi controls in it (U+202A–U+202E, U+2066–U+2069) could reorder
// what follows it: a name ending in U+202E shows the rest of the sentence reversed. They are
// dropped, and text with right-to-left letters or marks is wrapped in an isolate (FSI … PDI), so it
// reads correctly without moving its neighbours. Plain left-to-right text comes back unchanged.
const EXPLICIT = /[\u202A-\u202E\u2066-\u2069]/g;
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u061C]|\uD802[\uDC00-\uDFFF]|\uD83A[\uDC00-\uDFFF]/;

export function isolateBidi(text: string): string {
  const clean = text.replace(EXPLICIT, '');
  return RIGHT_TO_LEFT.test(clean) ? `\u2068${clean}\u2069` : clean;
}
