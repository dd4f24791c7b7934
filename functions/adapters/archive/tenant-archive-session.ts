import type { STSClient } from '@aws-sdk/client-sts';
import { assertKeyPart } from '../dynamodb/keys.js';

/**
 * Archive sessions last an hour (the most role chaining allows), longer than the DynamoDB ones: a presigned
 * URL dies with the credentials that signed it, so a session must outlive every upload ticket it signs.
 */
export const ARCHIVE_SESSION_SECONDS = 3600;

export interface ArchiveSessionCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
}

/**
 * Tenant isolation, layer 2, for the archive (ARCHITECTURE.md §3): credentials of the tenant role with the
 * session tag `tenantId`, whose policy allows objects under `tenants/${aws:PrincipalTag/tenantId}/*` only.
 */
export async function assumeTenantArchiveSession(roleArn: string, tenantId: string, sts?: STSClient): Promise<ArchiveSessionCredentials> {
  const tenant = assertKeyPart(tenantId, 'tenantId');
  const { AssumeRoleCommand, STSClient: Client } = await import('@aws-sdk/client-sts');
  const client = sts ?? new Client({});
  const out = await client.send(
    new AssumeRoleCommand({
      RoleArn: roleArn,
      RoleSessionName: `archive-${tenant}`.slice(0, 64),
      DurationSeconds: ARCHIVE_SESSION_SECONDS,
      Tags: [{ Key: 'tenantId', Value: tenant }],
    }),
  );
  const credentials = out.Credentials;
  if (!credentials?.AccessKeyId || !credentials.SecretAccessKey || !credentials.SessionToken || !credentials.Expiration) {
    throw new Error('STS returned no credentials for the tenant role');
  }
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
    expiration: credentials.Expiration,
  };
}
