// "Send a test to yourself": a one-recipient campaign of kind 'test', through the same durable queue
// as every other message (and listed in the history like one). It goes only to the test number the
// user saved in Settings (main asked them about it then), never to a number the window names, and
// passes the checks a campaign's message passes: the sender rule, the length limit, the suppression
// list.
import type { CountryCode } from 'libphonenumber-js';
import { SENDER_PATTERN, SENDER_RULE } from '../../shared/contract';
import { AppError } from '../../shared/result';
import { smsParts } from '../../shared/sms';
import { normaliseMsisdn } from '../importing';
import type { Engine } from '../engine';
import type { NewCampaign } from '../outbox/campaigns';

export function testCampaign(engine: Engine, test: { message: string; sender: string }): NewCampaign {
  const settings = engine.settings();
  if (!settings.testNumber) {
    throw new AppError('invalid_input', { code: 'test_number_missing' }, 'testNumber');
  }
  const number = normaliseMsisdn(settings.testNumber, settings.defaultCountry as CountryCode);
  if (!number.ok) throw new AppError('invalid_input', { code: 'test_number_invalid', problem: number.problem }, 'testNumber');
  const sender = test.sender.trim();
  if (!SENDER_PATTERN.test(sender))
    throw new AppError('invalid_input', { code: 'input_invalid', field: 'sender', detail: SENDER_RULE }, 'sender');
  const parts = smsParts(test.message);
  if (parts.parts > settings.maxParts) {
    throw new AppError('invalid_input', { code: 'test_too_long', parts: parts.parts, maxParts: settings.maxParts }, 'message');
  }
  if (engine.suppression.snapshot().has(number.msisdn)) {
    throw new AppError('invalid_input', { code: 'test_number_suppressed', msisdn: number.msisdn }, 'testNumber');
  }
  return {
    name: `Test to ${number.msisdn}`,
    kind: 'test',
    sender,
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
