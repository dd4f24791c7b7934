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
 * The regulators' archive session (ACL-2): the regulator role, whose policy reads every tenant's objects and
 * writes none. The folder's county scope (ACL-4) is decided before a key is read, from the policies in view.
 */
export async function assumeRegulatorArchiveSession(roleArn: string): Promise<ArchiveSessionCredentials> {
  return roleSession({ RoleArn: roleArn, RoleSessionName: 'archive-regulator', DurationSeconds: ARCHIVE_SESSION_SECONDS })();
}
