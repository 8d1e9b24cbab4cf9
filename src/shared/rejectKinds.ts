// Why an import row is not sent: one list for the import, the bridge, the CLI and the renderer.
// Kept free of imports so the renderer can use it without pulling zod into its bundle.
export const REJECT_KINDS = ['invalid_number', 'missing_number', 'duplicate', 'suppressed', 'missing_merge_value', 'too_long'] as const;
export type RejectKind = (typeof REJECT_KINDS)[number];
