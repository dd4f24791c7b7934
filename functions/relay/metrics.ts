/** The relay's metric names (namespace `anze`, dimension `service=anze-relay`), read by infra/constructs/operations-alarms.ts. */
export const RELAY_METRICS = { publishFailures: 'RelayPublishFailures', parkedEvents: 'RelayParkedEvents' } as const;
