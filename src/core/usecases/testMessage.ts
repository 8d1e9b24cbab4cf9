// "Send a test to yourself": a one-recipient campaign of kind 'test', so it goes through the same
// durable queue as every other message (and shows in the outbox like one).
import type { CountryCode } from 'libphonenumber-js';
import { AppError } from '../../shared/result';
import { smsParts } from '../../shared/sms';
import { normaliseMsisdn } from '../importing';
import type { NewCampaign } from '../outbox/campaigns';

export function testCampaign(test: { msisdn: string; message: string; sender: string }, defaultCountry: string): NewCampaign {
  const number = normaliseMsisdn(test.msisdn, defaultCountry as CountryCode);
  if (!number.ok) throw new AppError('invalid_input', `Test number: ${number.message}`, 'msisdn');
  const parts = smsParts(test.message);
  return {
    name: `Test to ${number.msisdn}`,
    kind: 'test',
    sender: test.sender,
    message: test.message,
    tags: [],
    sendAt: null,
    fileName: null,
    fileHash: null,
    estimateCost: null,
    currency: null,
    recipients: [
      {
        rowNo: 1,
        msisdn: number.msisdn,
        country: number.country ?? null,
        name: null,
        tagvalues: null,
        encoding: parts.encoding,
        parts: parts.parts,
      },
    ],
  };
}
