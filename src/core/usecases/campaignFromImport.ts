// From an import the user checked to a stored campaign: the estimate (the file analysed again with
// the message being written, on the mapping the user confirmed) and the confirmed creation.
import { AppError } from '../../shared/result';
import type { Estimate, ParsedInput } from '../../shared/contract';
import type { Engine } from '../engine';
import { campaignFromAnalysis, type ImportSessions } from '../importing/sessions';
import { estimateCost, refreshPriceList } from './pricing';
import { scheduledQuietWarning } from '../sending/quietHours';
import type { Confirm } from '../../shared/confirmRequest';

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
 * Stores the import as a campaign once the user said yes to main's own question (`confirm`, a native
 * dialog stating recipients, parts, cost, credit after and the time): whatever the window sent, it
 * cannot answer that question. A "no" throws `declined`, nothing stored. `beforeStore` runs just
 * before anything is written.
 */
export async function createFromImport(
  engine: Engine,
  imports: ImportSessions,
  request: ParsedInput<'campaign.create'>,
  confirm: Confirm,
  beforeStore: () => void,
): Promise<{ campaignId: number; queued: number }> {
  if (request.sendAt != null && request.sendAt * 1000 < engine.clock.now() + MIN_SCHEDULE_LEAD_MS) {
    throw new AppError('invalid_input', { code: 'schedule_too_soon', minMinutes: 1 }, 'sendAt');
  }
  const estimate = await estimateImport(engine, imports, request.importId, request.message);
  if (estimate.recipients === 0) throw new AppError('invalid_input', { code: 'no_sendable_recipients' }, 'importId');
  const held = imports.get(request.importId);
  // What the user is asked about is what gets stored, even if the window analyses again meanwhile.
  const analysis = held.analysis!;
  // Flagged before anything is stored: a scheduled batch leaves now and GatewayAPI keeps its time.
  const quiet =
    request.sendAt != null
      ? scheduledQuietWarning(
          request.sendAt * 1000,
          engine.settings().quietHours,
          analysis.accepted.map((r) => r.country),
        )
      : null;
  const yes = await confirm({
    kind: 'send',
    campaign: request.name,
    recipients: estimate.recipients,
    parts: estimate.parts,
    cost: estimate.total,
    currency: estimate.currency,
    creditAfter: estimate.credit != null && estimate.total != null ? estimate.credit - estimate.total : null,
    sendAt: request.sendAt != null ? request.sendAt * 1000 : null,
    warning: quiet,
  }).catch(() => false);
  if (!yes) throw new AppError('declined', { code: 'not_confirmed', what: 'send' });
  beforeStore();
  const result = await engine.campaigns.createInChunks(
    campaignFromAnalysis(analysis, {
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
