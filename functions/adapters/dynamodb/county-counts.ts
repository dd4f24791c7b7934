import type { Industry } from '../../../domain/kernel/industry.js';
import type { CountyCounts, CountyInsuredCount } from '../../../domain/register/county-counts.port.js';
import type { RegisteredCount } from '../../../domain/register/register.repository.js';
import { keys, type ItemKey } from './keys.js';
import type { Store } from './store.js';

type Counter = ItemKey & { industry: Industry; registered?: number; insured?: number };

/**
 * REG-1, UW-11: the county × industry counters (`R#register#COUNT#<county>` and `R#coverage#COUNT#<county>`, sort
 * key the industry) read by key with BatchGetItem: 16 counties × the mandatory industries is one request. A
 * counter never written (no enterprise of that county and industry) is simply absent: zero.
 */
export class DynamoCountyCounts implements CountyCounts {
  constructor(private readonly store: Store) {}

  private async counters(partitionOf: (county: string) => string, counties: readonly string[], industries: readonly Industry[]) {
    const byPartition = new Map(counties.map((county) => [partitionOf(county), county]));
    const wanted = counties.flatMap((county) => industries.map((industry) => ({ PK: partitionOf(county), SK: industry })));
    const found = wanted.length === 0 ? [] : await this.store.getMany<Counter>(wanted);
    return found.map((item) => ({ county: byPartition.get(item.PK) as string, item }));
  }

  async registered(counties: readonly string[], industries: readonly Industry[]): Promise<RegisteredCount[]> {
    const found = await this.counters(keys.registerCounters, counties, industries);
    return found.map(({ county, item }) => ({ county, industry: item.industry, registered: item.registered ?? 0 }));
  }

  async insured(counties: readonly string[], industries: readonly Industry[]): Promise<CountyInsuredCount[]> {
    const found = await this.counters(keys.coverageCounters, counties, industries);
    return found.map(({ county, item }) => ({ county, industry: item.industry, insured: item.insured ?? 0 }));
  }
}
