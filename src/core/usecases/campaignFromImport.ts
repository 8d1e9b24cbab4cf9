// From an import the user checked to a stored campaign: the estimate (the file analysed again with
// the message being written, on the mapping the user confirmed) and the confirmed creation.
import { AppError } from '../../shared/result';
import type { Estimate, ParsedInput } from '../../shared/contract';
import type { Engine } from '../engine';
import { campaignFromAnalysis, type ImportSessions } from '../importing/sessions';
import { estimateCost, refreshPriceList } from './pricing';
import { scheduledQuietWarning } from '../sending/quietHours';

/** A schedule closer than this is refused: GatewayAPI sends a past sendtime at once. */
const MIN_SCHEDULE_LEAD_MS = 30_000;

export async function estimateImport(engine: Engine, imports: ImportSessions, importId: string, message: string): Promise<Estimate> {
  const settings = engine.settings();
  const held = imports.get(importId);
  // The mapping the user confirmed in import.analyse (else the guess); only the message may differ.
  const confirmed = held.analysedWith;
  const analysis = await imports.analyse(
    importId,
    {
      hasHeader: confirmed?.hasHeader ?? held.preview.hasHeader,
      phoneColumn: confirmed?.phoneColumn ?? held.preview.phoneColumn ?? 0,
      defaultCountry: confirmed?.defaultCountry ?? settings.defaultCountry,
      message,
      maxParts: settings.maxParts,
    },
    engine.suppression.snapshot(),
    () => {},
  );
  await refreshPriceList(engine);
  return estimateCost(analysis.accepted, engine.account);
}

/**
 * Stores the import as a campaign once the user confirmed the estimate (else a needs_confirmation
 * error carrying the question). `beforeStore` runs just before anything is written.
 */
export async function createFromImport(
  engine: Engine,
  imports: ImportSessions,
  request: ParsedInput<'campaign.create'>,
  beforeStore: () => void,
): Promise<{ campaignId: number; queued: number }> {
  if (request.sendAt != null && request.sendAt * 1000 < engine.clock.now() + MIN_SCHEDULE_LEAD_MS) {
    throw new AppError('invalid_input', 'Pick a time at least a minute in the future, or send now.', 'sendAt');
  }
  const estimate = await estimateImport(engine, imports, request.importId, request.message);
  if (estimate.recipients === 0) throw new AppError('invalid_input', 'No recipient in this file can be sent to.', 'importId');
  if (!request.confirm) {
    // Flagged before anything is stored: a scheduled batch leaves now and GatewayAPI keeps its time.
    const held = imports.get(request.importId);
    const quiet =
      request.sendAt != null
        ? scheduledQuietWarning(request.sendAt * 1000, engine.settings().quietHours, held.analysis?.accepted.map((r) => r.country) ?? [])
        : null;
    throw new AppError('needs_confirmation', confirmationQuestion(estimate) + (quiet ? ` ${quiet}` : ''));
  }
  beforeStore();
  const held = imports.get(request.importId);
  const result = await engine.campaigns.createInChunks(
    campaignFromAnalysis(held.analysis!, {
      name: request.name,
      sender: request.sender,
      sendAt: request.sendAt,
      fileName: held.fileName,
      fileHash: held.fileHash,
      estimateCost: estimate.total,
      currency: estimate.currency,
    }),
  );
  imports.discard(request.importId);
  return result;
}

function confirmationQuestion(estimate: Estimate): string {
  const cost = estimate.total != null ? `, about ${estimate.total} ${estimate.currency}` : '';
  const overCredit = estimate.exceedsCredit ? ` The estimate exceeds your credit of ${estimate.credit} ${estimate.currency}.` : '';
  return `Send this message to ${estimate.recipients} recipients (${estimate.parts} SMS parts${cost})?${overCredit}`;
}
