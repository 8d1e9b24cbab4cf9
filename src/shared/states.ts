// One list of every state and status, shared by main, renderer and CLI.

/** Our own life-cycle for a recipient (see README "The life of a recipient"). */
export const RECIPIENT_STATES = [
  'queued', // waiting to be sent
  'claimed', // picked for a batch, nothing written to the network yet
  'in_flight', // committed before the first byte of the request is written
  'retry_wait', // the request provably was not processed; retried after next_attempt_at
  'submitted', // GatewayAPI answered 200 with a message id
  'scheduled', // submitted with a sendtime in the future (cancellable)
  'failed', // permanent refusal (error code + reason recorded)
  'uncertain', // the request may or may not have been accepted; the user decides
  'marked_sent', // the user said an uncertain recipient did get the message
  'cancelled', // the user cancelled before it was sent
] as const;
export type RecipientState = (typeof RECIPIENT_STATES)[number];

/** GatewayAPI delivery statuses. */
export const TRANSIENT_STATUSES = ['UNKNOWN', 'SCHEDULED', 'BUFFERED', 'ENROUTE'] as const;
export const FINAL_STATUSES = ['DELIVERED', 'EXPIRED', 'DELETED', 'UNDELIVERABLE', 'ACCEPTED', 'REJECTED', 'SKIPPED'] as const;
/** Ours: validity passed without a final report. */
export const NO_FINAL_REPORT = 'NO_FINAL_REPORT' as const;
export type TransientStatus = (typeof TRANSIENT_STATUSES)[number];
export type FinalStatus = (typeof FINAL_STATUSES)[number];
export type DeliveryStatus = TransientStatus | FinalStatus | typeof NO_FINAL_REPORT;

const finalSet = new Set<string>([...FINAL_STATUSES, NO_FINAL_REPORT]);
export function isFinalStatus(s: string | null | undefined): boolean {
  return s != null && finalSet.has(s);
}
export function isKnownStatus(s: string): s is DeliveryStatus {
  return finalSet.has(s) || (TRANSIENT_STATUSES as readonly string[]).includes(s);
}

/**
 * Why the whole outbox is paused (null = running). 'account': GatewayAPI refused the account itself
 * (IP not allowed, SMS not enabled, an undocumented 4xx from a proxy): the message says what to fix.
 * 'unreachable': after an answer that never came, GatewayAPI is probed before anything more is sent;
 * this pause ends by itself when it answers. 'disk_full': the disk holding the data folder is full; held
 * in memory only (it cannot be written), it ends by itself when there is room again.
 */
export type PauseReason = 'auth' | 'credit' | 'frozen' | 'account' | 'unreachable' | 'disk_full' | 'user' | null;

export type Encoding = 'GSM7' | 'UCS2';
