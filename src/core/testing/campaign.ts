// Builds campaigns the way the import does: per-recipient encoding and parts from the merged text.
import { smsParts } from '../../shared/sms';
import type { NewCampaign, NewRecipient } from '../outbox/campaigns';

export interface Person {
  msisdn: string;
  /** Values for the campaign's tags, in order. */
  values?: string[];
}

/** The text a recipient gets: every tag replaced by its value (as GatewayAPI does). */
export function merge(message: string, tags: string[], values: string[] | null | undefined): string {
  let out = message;
  tags.forEach((t, i) => {
    out = out.split(t).join(values?.[i] ?? '');
  });
  return out;
}

export function recipientsOf(message: string, tags: string[], people: Person[]): NewRecipient[] {
  return people.map((p, i) => {
    const sms = smsParts(merge(message, tags, p.values));
    return {
      rowNo: i + 2,
      msisdn: p.msisdn,
      country: 'DK',
      name: p.values?.[0] ?? null,
      tagvalues: tags.length > 0 ? (p.values ?? tags.map(() => '')) : null,
      encoding: sms.encoding,
      parts: sms.parts,
    };
  });
}

export function newCampaign(opts: {
  people: Person[];
  message?: string;
  tags?: string[];
  name?: string;
  sender?: string;
  sendAt?: number | null;
}): NewCampaign {
  const message = opts.message ?? (opts.tags?.length ? 'Hi %name%' : 'Hello from the test');
  const tags = opts.tags ?? [];
  return {
    name: opts.name ?? 'Test campaign',
    sender: opts.sender ?? 'Shop',
    message,
    tags,
    sendAt: opts.sendAt ?? null,
    fileName: null,
    fileHash: null,
    estimateCost: null,
    currency: null,
    recipients: recipientsOf(message, tags, opts.people),
  };
}

/**
 * n Danish numbers from `first` upwards (the last digit picks the simulator's final status). Numbers
 * ending in 666 are skipped: the simulator blacklists those (tests add them on purpose).
 */
export function numbers(n: number, first = 4520000000): string[] {
  const out: string[] = [];
  for (let m = first; out.length < n; m++) if (m % 1000 !== 666) out.push(String(m));
  return out;
}

export function people(n: number, first?: number): Person[] {
  return numbers(n, first).map((msisdn) => ({ msisdn }));
}
