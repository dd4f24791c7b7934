import type { PlatformRepository, UserOrg } from '../../domain/platform/platform.repository.js';
import type { Agency, Role } from '../../domain/identity/role.js';
import { onboardRegulator } from '../../domain/platform/regulator.rules.js';
import { onboardTenant } from '../../domain/platform/tenant.rules.js';
import { createUser, type NewUser } from '../../domain/platform/user.rules.js';
import { usccCheckCharacter } from '../../domain/kernel/uscc.js';
import { Conflict } from '../../domain/kernel/errors.js';
import { hashPassword } from '../../functions/adapters/auth/password.js';
import { LocalIdentityDirectory } from '../../functions/adapters/auth/local-identity-directory.js';
import { ensureOperator as ensureOperatorIn } from '../../functions/platform/ensure-operator.js';
import { newId } from '../../functions/adapters/ids.js';
import type { Store } from '../../functions/adapters/dynamodb/store.js';

export const DEMO_PASSWORD = 'Anze-demo-2026';

export interface DemoLogin {
  readonly username: string;
  readonly role: Role;
  readonly organisation: string;
}

const uscc = (first17: string): string => first17 + usccCheckCharacter(first17);

const INSURERS = [
  {
    key: 'picc',
    name: '中国人民财产保险股份有限公司忻州市分公司',
    branchName: '人保财险忻州分公司',
    uscc: uscc('91140900MA0GRP001'),
    staff: true,
  },
  {
    key: 'pingan',
    name: '中国平安财产保险股份有限公司忻州中心支公司',
    branchName: '平安产险忻州中支',
    uscc: uscc('91140900MA0GPA002'),
    staff: false,
  },
  {
    key: 'cpic',
    name: '中国太平洋财产保险股份有限公司忻州中心支公司',
    branchName: '太保产险忻州中支',
    uscc: uscc('91140900MA0GCP003'),
    staff: false,
  },
] as const;

const REGULATORS: readonly { agency: Agency; county?: string; name: string; username: string; role: Role }[] = [
  { agency: 'EMB_CITY', name: '忻州市应急管理局', username: 'emb-city', role: 'regulator-admin' },
  { agency: 'EMB_COUNTY', county: '140902', name: '忻府区应急管理局', username: 'emb-xinfu', role: 'regulator' },
  { agency: 'NFRA', name: '国家金融监督管理总局忻州监管分局', username: 'nfra-xinzhou', role: 'regulator' },
];

/** A coal mine of 忻府区 from the shared register, so its enterprise user has real data in later issues. */
const DEMO_ENTERPRISE_USCC = '91140902100079190P';

/** The operator on one machine: the sign-in record in the table is the whole identity. */
export const ensureOperator = (repository: PlatformRepository, password: string | undefined, now: Date) =>
  ensureOperatorIn(repository, new LocalIdentityDirectory(), password, now);

/**
 * Demo identities on first start: three insurers, the city EMB, 忻府区's EMB, the NFRA branch and one
 * enterprise, all with the documented demo password. A marker item makes it run once per data folder.
 */
export async function seedDemo(repository: PlatformRepository, store: Store, now: Date): Promise<readonly DemoLogin[] | undefined> {
  const marker = { PK: 'P#SEED#demo', SK: 'v1' };
  if (await store.get(marker)) return undefined;
  const hash = await hashPassword(DEMO_PASSWORD);
  const at = now.toISOString();
  const logins: DemoLogin[] = [];
  const user = (username: string, displayName: string, role: Role, scope: Partial<NewUser>) =>
    createUser({ id: newId(now), username, displayName, role, ...scope }, now);

  for (const insurer of INSURERS) {
    const tenantId = newId(now);
    await repository.createTenant(
      onboardTenant(
        { id: tenantId, name: insurer.name, uscc: insurer.uscc, branchName: insurer.branchName },
        user(`${insurer.key}-admin`, `${insurer.branchName}管理员`, 'insurer-admin', { tenantId }),
        now,
      ),
      hash,
    );
    logins.push({ username: `${insurer.key}-admin`, role: 'insurer-admin', organisation: insurer.branchName });
    if (insurer.staff) {
      await repository.createUser(
        { kind: 'tenant', tenantId },
        user(`${insurer.key}-staff`, `${insurer.branchName}业务员`, 'insurer-staff', { tenantId }),
        hash,
      );
      logins.push({ username: `${insurer.key}-staff`, role: 'insurer-staff', organisation: insurer.branchName });
    }
  }

  for (const regulator of REGULATORS) {
    await repository.createRegulator(
      onboardRegulator(
        { agency: regulator.agency, county: regulator.county, name: regulator.name },
        user(regulator.username, regulator.name, regulator.role, { agency: regulator.agency, county: regulator.county }),
        now,
      ),
      hash,
    );
    logins.push({ username: regulator.username, role: regulator.role, organisation: regulator.name });
  }

  const enterprise: UserOrg = { kind: 'enterprise', uscc: DEMO_ENTERPRISE_USCC };
  await repository.createUser(enterprise, user('ent-demo', '忻府忻达煤业有限责任公司', 'enterprise', { uscc: DEMO_ENTERPRISE_USCC }), hash);
  logins.push({ username: 'ent-demo', role: 'enterprise', organisation: '忻府忻达煤业有限责任公司' });

  await store.commit(
    [{ kind: 'create', item: { ...marker, kind: 'SEED', seededAt: at, logins }, onExists: () => new Conflict('seeded') }],
    [],
  );
  return logins;
}

/** The demo logins recorded by an earlier first start, for the banner of later starts. */
export async function recordedDemoLogins(store: Store): Promise<readonly DemoLogin[]> {
  const marker = await store.get<{ logins?: DemoLogin[] }>({ PK: 'P#SEED#demo', SK: 'v1' });
  return marker?.logins ?? [];
}
