import type { Changed } from '../kernel/events.js';
import { expertAdded, expertUpdated } from './events.js';
import type { Expert } from './expert.js';
import type { ExpertBody, ExpertChangeBody } from './expert.schema.js';
import { distinctTags, sameTags, type RegisterChangeContext } from './service-org.rules.js';

/** REG-3: what the city EMB states when it adds an expert to the pool. */
export type ExpertInput = ExpertBody;

/** REG-3: what may change on an expert; `null` clears title or employer. */
export type ExpertChange = Omit<ExpertChangeBody, 'version'>;

/** REG-3: what an expert's events carry. */
const expertPayloadOf = (expert: Expert) => ({
  expertId: expert.id,
  name: expert.name,
  status: expert.status,
  specialties: expert.specialties,
  updatedBy: expert.updatedBy,
});

/**
 * REG-3: a new member of the city's 安全生产和应急救援专家库, ACTIVE from the start, with `register.expert.added`.
 *
 * @example
 * const { state: expert, events } = addExpert({ name: '王建国', specialties: ['煤矿通风'], title: '高级工程师' }, { id: 'e-1', now, by: 'u-1' });
 * await providers.addExpert(expert, events);
 */
export function addExpert(input: ExpertInput, ctx: RegisterChangeContext & { readonly id: string }): Changed<Expert> {
  const at = ctx.now.toISOString();
  const expert: Expert = {
    id: ctx.id,
    name: input.name,
    specialties: distinctTags(input.specialties),
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.employer === undefined ? {} : { employer: input.employer }),
    status: 'ACTIVE',
    createdAt: at,
    updatedAt: at,
    updatedBy: ctx.by,
    version: 1,
  };
  return { state: expert, events: [expertAdded.of(expert, expertPayloadOf(expert))] };
}

const cleared = <T>(value: T | null | undefined, previous: T | undefined): T | undefined => (value === null ? undefined : (value ?? previous));

/**
 * REG-3: the city EMB removes an expert from the pool (出库) or takes one back, or corrects what the pool says
 * of them. A removed expert stays on record: services that named them keep pointing at who they were. Raises
 * `register.expert.updated`; when the change says nothing new, the state is `expert` itself and there is no
 * event — nothing to write.
 */
export function changeExpert(expert: Expert, change: ExpertChange, ctx: RegisterChangeContext): Changed<Expert> {
  const status = change.status ?? expert.status;
  const specialties = change.specialties === undefined ? expert.specialties : distinctTags(change.specialties);
  const title = cleared(change.title, expert.title);
  const employer = cleared(change.employer, expert.employer);
  if (status === expert.status && sameTags(specialties, expert.specialties) && title === expert.title && employer === expert.employer) {
    return { state: expert, events: [] };
  }
  const { title: _title, employer: _employer, ...rest } = expert;
  const changed: Expert = {
    ...rest,
    specialties,
    ...(title === undefined ? {} : { title }),
    ...(employer === undefined ? {} : { employer }),
    status,
    updatedAt: ctx.now.toISOString(),
    updatedBy: ctx.by,
    version: expert.version + 1,
  };
  return { state: changed, events: [expertUpdated.of(changed, expertPayloadOf(changed))] };
}
