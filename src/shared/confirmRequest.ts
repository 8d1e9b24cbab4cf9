// What main asks the user itself, in a native dialog, before an action that spends money or changes
// who may be reached. The window can ask for the action, never answer the question: its own dialog
// is a review whose button makes main ask. Each kind carries the numbers the dialog states.

export type ConfirmRequest =
  | {
      kind: 'send';
      campaign: string;
      recipients: number;
      parts: number;
      /** Estimated cost; null when the price list has no price for some country. */
      cost: number | null;
      currency: string | null;
      /** Credit left after the estimate; null when either is unknown. */
      creditAfter: number | null;
      /** Scheduled send time (epoch ms); null = now. */
      sendAt: number | null;
      /** The schedule falls in quiet hours for these countries (said by the catalogs), or null. */
      warning: { start: string; end: string; countries: (string | null)[] } | null;
    }
  | {
      kind: 'resend';
      /** Uncertain recipients (GatewayAPI may have them already) or failed ones. */
      which: 'uncertain' | 'failed';
      campaign: string;
      recipients: number;
      parts: number;
      cost: number | null;
      currency: string | null;
      creditAfter: number | null;
    }
  | {
      kind: 'replaceToken';
      /** The account GatewayAPI reports for the new token; null when it could not be asked. */
      account: { id: number | null; credit: number; currency: string } | null;
      /** Why the account could not be named (offline…), else null. */
      problem: string | null;
      /** A token is stored already and will be replaced. */
      replacing: boolean;
    }
  | { kind: 'unsuppress'; msisdn: string; reason: string | null }
  /** Test messages go only to this number, so who sets it decides who gets them. */
  | { kind: 'testNumber'; msisdn: string }
  | { kind: 'quietHoursOff'; start: string; end: string; /** Recipients queued now. */ queued: number };

export type ConfirmKind = ConfirmRequest['kind'];

/** Main's question, answered by the user (true = go ahead). */
export type Confirm = (request: ConfirmRequest) => Promise<boolean>;
