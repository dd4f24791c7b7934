/**
 * SVC-7, SVC-9 (由双方确认后归档): whether an enterprise can act for itself on the platform — it has at least
 * one enterprise user that is not disabled. An enterprise with such an account confirms its records and reports
 * its rectifications through its own login; only one without may have them captured on the insurer staff's
 * device (flagged, SVC-13).
 */
export interface EnterpriseAccounts {
  hasActiveAccount(uscc: string): Promise<boolean>;
}
