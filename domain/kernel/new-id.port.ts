/**
 * The port new ids come through: the domain makes none itself. functions/adapters/ids.ts issues time-ordered
 * ids (ULID layout) whose alphabet never holds `#`, so an id is always safe inside a key.
 *
 * @example const tenantId = newId(clock.now());
 */
export type NewId = (now: Date) => string;
