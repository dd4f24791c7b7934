/** One SMS; the outcome says whether it went out and, if not, why. */
export interface SmsMessage {
  readonly to: string;
  readonly text: string;
}

export type SmsOutcome = { readonly sent: true } | { readonly sent: false; readonly reason: string };

/**
 * Sends SMS. No provider is wired yet (issue 16): the only implementation records "not sent: no provider"
 * (functions/notifications/no-sms-provider.ts), so a person who chose SMS is told nothing by it, and the log says so.
 */
export interface SmsSender {
  send(message: SmsMessage): Promise<SmsOutcome>;
}
