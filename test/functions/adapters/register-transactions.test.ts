import { describe, expect, it } from 'vitest';
import type { RegisterChange } from '../../../domain/register/register-entry.js';
import { registerEnterprise, registeredCountDeltas } from '../../../domain/register/register-entry.rules.js';
import { validateRegisterFile } from '../../../domain/register/register-row.js';
import { importTransactions } from '../../../functions/adapters/dynamodb/register.repository.js';
import { readEnterpriseRegister } from '../../domain/kernel/enterprise-register.js';

const NOW = new Date('2026-03-02T01:00:00.000Z');
const CITY = { regulatorId: 'emb-city' };
const itemsOf = (transaction: readonly RegisterChange[]) => transaction.length + registeredCountDeltas(transaction).length;

describe('importTransactions', () => {
  const seed = readEnterpriseRegister();
  const { inputs } = validateRegisterFile(
    seed.map((row, index) => ({ row: index + 2, cells: { ...row, staff: String(row.staff), revenueWan: String(row.revenueWan) } })),
  );
  const creates = inputs.map(({ input }) => registerEnterprise(input, undefined, CITY, NOW).state);

  it('REG-1 cuts 5,000 new entries into transactions of at most 100 items, entries and their counters, ~53 of them', () => {
    const transactions = importTransactions(creates);
    expect(transactions.flat()).toHaveLength(5000);
    expect(new Set(transactions.flat().map((change) => change.entry.uscc)).size).toBe(5000);
    expect(Math.max(...transactions.map(itemsOf))).toBeLessThanOrEqual(100);
    expect(transactions.length).toBeLessThanOrEqual(56);
  });

  it('REG-1 leaves unchanged rows out and counts a moved entry in both cells', () => {
    const first = creates[0] as RegisterChange;
    const moved = registerEnterprise({ ...first.entry, county: '140981' }, first.entry, CITY, NOW).state;
    const unchanged = registerEnterprise(first.entry, first.entry, CITY, NOW).state;
    const transactions = importTransactions([unchanged, moved]);
    expect(transactions).toEqual([[moved]]);
    expect(itemsOf(transactions[0] ?? [])).toBe(3);
  });
});
