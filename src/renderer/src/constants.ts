// Copies of the few contract constants the renderer needs at run time (contract.ts imports zod).
// The `satisfies` clauses make the type checker fail if the contract's lists change.
import type { CallInput, Settings } from '../../shared/contract';

export { REJECT_KINDS } from '../../shared/rejectKinds';

export type ResultFilter = NonNullable<CallInput<'campaign.recipients'>['filter']>;
export const RESULT_FILTERS = ['all', 'delivered', 'failed', 'pending', 'uncertain'] as const satisfies readonly ResultFilter[];

export const PLATFORMS = ['com', 'eu', 'custom'] as const satisfies readonly Settings['platform'][];
