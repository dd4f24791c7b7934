/**
 * Readiness (issue 12 #5): whether the platform's database answers now. The adapter bounds the wait and shares
 * one answer among the callers of a second, so a public readiness route cannot be turned into load.
 */
export type DatabaseProbe = () => Promise<'up' | 'down'>;
