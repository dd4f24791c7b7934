import { describe, expect, it } from 'vitest';
import { addExpert, changeExpert } from '../../../domain/register/expert.rules.js';
import { expertBody, expertChangeBody } from '../../../domain/register/expert.schema.js';

const NOW = new Date('2026-03-02T01:00:00.000Z');
const LATER = new Date('2026-04-01T02:00:00.000Z');

const expert = addExpert(
  { name: '王建国', specialties: ['煤矿通风', '瓦斯防治', '煤矿通风'], title: '高级工程师' },
  { id: 'e-1', now: NOW, by: 'u-city' },
).state;

describe('REG-3 the expert pool', () => {
  it('REG-3 adds an expert ACTIVE, version 1, each specialty once', () => {
    expect(expert).toEqual({
      id: 'e-1',
      name: '王建国',
      specialties: ['煤矿通风', '瓦斯防治'],
      title: '高级工程师',
      status: 'ACTIVE',
      createdAt: '2026-03-02T01:00:00.000Z',
      updatedAt: '2026-03-02T01:00:00.000Z',
      updatedBy: 'u-city',
      version: 1,
    });
    expect(expert).not.toHaveProperty('employer');
  });

  it('REG-3 removes an expert from the pool and takes them back, each a new version', () => {
    const removed = changeExpert(expert, { status: 'REMOVED' }, { now: LATER, by: 'u-2' }).state;
    expect(removed).toMatchObject({ status: 'REMOVED', version: 2, updatedBy: 'u-2', updatedAt: '2026-04-01T02:00:00.000Z' });
    expect(changeExpert(removed, { status: 'ACTIVE' }, { now: LATER, by: 'u-2' }).state).toMatchObject({ status: 'ACTIVE', version: 3 });
    expect(expert.status).toBe('ACTIVE');
  });

  it('REG-3 replaces specialties, sets the employer and clears the title with null', () => {
    const changed = changeExpert(expert, { specialties: ['危化工艺'], employer: '太原理工大学', title: null }, { now: LATER, by: 'u' }).state;
    expect(changed).toMatchObject({ specialties: ['危化工艺'], employer: '太原理工大学', version: 2 });
    expect(changed).not.toHaveProperty('title');
  });

  it('REG-3 returns the expert itself when the change says nothing new', () => {
    expect(changeExpert(expert, {}, { now: LATER, by: 'u' }).state).toBe(expert);
    expect(changeExpert(expert, {}, { now: LATER, by: 'u' }).events).toEqual([]);
    expect(changeExpert(expert, { status: 'ACTIVE', title: '高级工程师', specialties: ['煤矿通风', '瓦斯防治'] }, { now: LATER, by: 'u' }).state).toBe(expert);
  });

  it('REG-3 bodies: name and at least one specialty required, version required on a change', () => {
    const missing = expertBody.safeParse({ name: ' ', specialties: [] }).error?.issues.map((issue) => [issue.path.join('.'), issue.message.slice(0, 6)]);
    expect(missing).toEqual([
      ['name', 'REG-3:'],
      ['specialties', 'REG-3:'],
    ]);
    expect(expertChangeBody.safeParse({ status: 'REMOVED' }).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['version']);
    expect(expertChangeBody.safeParse({ status: 'RETIRED', version: 1 }).error?.issues.map((issue) => issue.path.join('.'))).toEqual(['status']);
  });
});
