import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { sdkCallTracing } from '../../middleware/tracing.js';

/** What AssumeRole is asked for (the STS API's own names). */
export interface AssumeRoleParams {
  readonly RoleArn: string;
  readonly RoleSessionName: string;
  readonly DurationSeconds: number;
  readonly Tags?: readonly { readonly Key: string; readonly Value: string }[];
}

/** Credentials of one role session: temporary, so a session token and an expiry are always there. */
export interface SessionCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
}

/**
 * A role session (ARCHITECTURE.md §3, layer 2): each call assumes `params.RoleArn` anew through the SDK's own
 * `fromTemporaryCredentials` — its STS client is the one the SDK's credential chain already bundles, so no
 * second STS client (`@aws-sdk/client-sts`, ~28 KB) ships in every function. STS calls are traced like every
 * other SDK call; an STS error reaches the caller as the SDK raised it (a 503 when STS is unavailable).
 *
 * @example
 * const credentials = await roleSession({ RoleArn, RoleSessionName: 'tenant-t1', DurationSeconds: 900, Tags })();
 */
export function roleSession(params: AssumeRoleParams): () => Promise<SessionCredentials> {
  const provider = fromTemporaryCredentials({
    params: { ...params, Tags: params.Tags?.map((tag) => ({ ...tag })) },
    clientPlugins: [sdkCallTracing('STS')],
  });
  return async () => {
    const credentials = await provider();
    if (!credentials.sessionToken || !credentials.expiration) {
      throw new Error(`STS returned no session credentials for ${params.RoleArn}`);
    }
    return {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      expiration: credentials.expiration,
    };
  };
}
