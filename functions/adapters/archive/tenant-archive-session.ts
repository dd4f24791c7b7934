import { CITY_WIDE_COUNTY, COUNTY_AGENCY } from '../../../infra/constructs/tenant-policy-documents.js';
import { assertKeyPart } from '../dynamodb/keys.js';
import { roleSession, type SessionCredentials } from '../sts/role-session.js';

/**
 * Archive sessions last an hour (the most role chaining allows), longer than the DynamoDB ones: a presigned
 * URL dies with the credentials that signed it, so a session must outlive every upload ticket it signs.
 */
export const ARCHIVE_SESSION_SECONDS = 3600;

export type ArchiveSessionCredentials = SessionCredentials;

/**
 * Tenant isolation, layer 2, for the archive (ARCHITECTURE.md §3): credentials of the tenant role with the
 * session tag `tenantId`, whose policy allows objects under `tenants/${aws:PrincipalTag/tenantId}/*` only.
 */
export async function assumeTenantArchiveSession(roleArn: string, tenantId: string): Promise<ArchiveSessionCredentials> {
  const tenant = assertKeyPart(tenantId, 'tenantId');
  return roleSession({
    RoleArn: roleArn,
    RoleSessionName: `archive-${tenant}`.slice(0, 64),
    DurationSeconds: ARCHIVE_SESSION_SECONDS,
    Tags: [{ Key: 'tenantId', Value: tenant }],
  })();
}

/**
 * The session tags of a regulator's archive session, as of every regulator session (ACL-4, issue 21): `agency`,
 * and `county` — a county EMB's own, `ALL` for the city EMB and the NFRA (CITY_WIDE_COUNTY); a county EMB
 * without a county is refused, never widened.
 */
export function regulatorArchiveTags(regulator: { readonly agency: string; readonly county?: string }): { agency: string; county: string } {
  const agency = assertKeyPart(regulator.agency, 'agency');
  if (agency !== COUNTY_AGENCY) return { agency, county: CITY_WIDE_COUNTY };
  if (!regulator.county) throw new Error('ACL-4: a county EMB session needs its county');
  return { agency, county: assertKeyPart(regulator.county, 'county') };
}

/**
 * A regulator's archive session (ACL-2): the regulator role with the caller's agency and county tags, whose
 * policy reads every tenant's objects and writes none. The folder's county scope (ACL-4) is decided before a
 * key is read, from the policies in view.
 */
export async function assumeRegulatorArchiveSession(roleArn: string, regulator: { readonly agency: string; readonly county?: string }): Promise<ArchiveSessionCredentials> {
  const tags = regulatorArchiveTags(regulator);
  return roleSession({
    RoleArn: roleArn,
    RoleSessionName: `archive-regulator-${tags.agency}-${tags.county}`.slice(0, 64),
    DurationSeconds: ARCHIVE_SESSION_SECONDS,
    Tags: [
      { Key: 'agency', Value: tags.agency },
      { Key: 'county', Value: tags.county },
    ],
  })();
}
