// The two IPC channel names, in a module with no imports so the sandboxed preload can bundle them
// without pulling zod (contract.ts) into its single self-contained file.
export const IPC_CALL_CHANNEL = 'sms-outbox:call';
export const IPC_EVENT_CHANNEL = 'sms-outbox:event';
