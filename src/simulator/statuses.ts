// Deterministic delivery outcomes, so tests and demos can pick a recipient's fate by its number.
//
// By the LAST DIGIT of the msisdn:
//   0-6 → DELIVERED
//   7   → UNDELIVERABLE  (dsnerror "Absent subscriber",       dsnerrorcode "0x0001")
//   8   → EXPIRED        (dsnerror "Validity period expired", dsnerrorcode "0x0002")
//   9   → REJECTED       (dsnerror "Rejected by operator",    dsnerrorcode "0x0003")
// (The error texts/codes are the simulator's choice: GatewayAPI's own table is not public.)
//
// Timeline of one message, from the moment it was accepted (see state.ts):
//   404 until notFoundUntilMs → SCHEDULED until sendtime → ENROUTE for statusDelayMs → final.
// A message cancelled with DELETE reports DELETED.

export type SimFinalStatus = 'DELIVERED' | 'UNDELIVERABLE' | 'EXPIRED' | 'REJECTED';

export interface FinalReport {
  status: SimFinalStatus;
  error: string | null;
  code: string | null;
}

const DELIVERED: FinalReport = { status: 'DELIVERED', error: null, code: null };
const BY_LAST_DIGIT: FinalReport[] = [
  DELIVERED,
  DELIVERED,
  DELIVERED,
  DELIVERED,
  DELIVERED,
  DELIVERED,
  DELIVERED,
  { status: 'UNDELIVERABLE', error: 'Absent subscriber', code: '0x0001' },
  { status: 'EXPIRED', error: 'Validity period expired', code: '0x0002' },
  { status: 'REJECTED', error: 'Rejected by operator', code: '0x0003' },
];

export function finalReportFor(msisdn: string | number): FinalReport {
  const s = String(msisdn);
  const d = s.charCodeAt(s.length - 1) - 48;
  return BY_LAST_DIGIT[d] ?? DELIVERED;
}

/** The final dsnstatus a recipient will reach (see the table above). */
export function finalStatusFor(msisdn: string | number): SimFinalStatus {
  return finalReportFor(msisdn).status;
}
