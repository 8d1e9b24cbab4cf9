// Copies of the few contract constants the renderer needs at run time (contract.ts imports zod).
// The `satisfies` clauses make the type checker fail if the contract's lists change.
import type { CallInput, Settings } from '../../shared/contract';
import type { RejectKind } from '../../shared/rejectKinds';

export { REJECT_KINDS } from '../../shared/rejectKinds';

// Exhaustiveness: every RejectKind has a label, so a new kind in the contract breaks the build here.
export const REJECT_LABELS: Record<RejectKind, string> = {
  invalid_number: 'Invalid number',
  missing_number: 'Missing number',
  duplicate: 'Duplicate (merged)',
  suppressed: 'On the suppression list',
  missing_merge_value: 'Missing merge value',
  too_long: 'Message too long',
};

export type ResultFilter = NonNullable<CallInput<'campaign.recipients'>['filter']>;
export const RESULT_FILTERS = ['all', 'delivered', 'failed', 'pending', 'uncertain'] as const satisfies readonly ResultFilter[];

export const FILTER_LABELS: Record<ResultFilter, string> = {
  all: 'All',
  delivered: 'Delivered',
  failed: 'Failed',
  pending: 'Pending',
  uncertain: 'Uncertain',
};

export const PLATFORMS: { value: Settings['platform']; label: string }[] = [
  { value: 'com', label: 'gatewayapi.com' },
  { value: 'eu', label: 'gatewayapi.eu (EU platform)' },
  { value: 'custom', label: 'Custom base URL' },
];
