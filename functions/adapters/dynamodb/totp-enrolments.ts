import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { TotpEnrolment, TotpEnrolments } from '../../../domain/identity/mfa.js';
import { keys } from './keys.js';

/**
 * Issue 21 (local twin): the authenticator of a user, kept in its sign-in record `P#LOGIN#<username>` beside the
 * password hash — `mfaSecret` once enabled, `mfaPendingSecret` while enrolling, `mfaLastStep` the last time step
 * a code was used for. Each change is one conditional UpdateItem, so two requests with the same code cannot both
 * pass (single use), and an enabled secret is never replaced by a new enrolment.
 */
export class DynamoTotpEnrolments implements TotpEnrolments {
  constructor(
    private readonly doc: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async read(username: string): Promise<TotpEnrolment> {
    const { Item } = await this.doc.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.credential(username),
        ConsistentRead: true,
        ProjectionExpression: 'mfaSecret, mfaPendingSecret',
      }),
    );
    const secret = typeof Item?.mfaSecret === 'string' ? Item.mfaSecret : undefined;
    const pendingSecret = typeof Item?.mfaPendingSecret === 'string' ? Item.mfaPendingSecret : undefined;
    return { ...(secret ? { secret } : {}), ...(pendingSecret ? { pendingSecret } : {}) };
  }

  savePending(username: string, secret: string): Promise<boolean> {
    return this.update(username, 'SET mfaPendingSecret = :secret', 'attribute_not_exists(mfaSecret)', { ':secret': secret });
  }

  enable(username: string, secret: string, step: number): Promise<boolean> {
    return this.update(username, 'SET mfaSecret = :secret, mfaLastStep = :step REMOVE mfaPendingSecret', 'mfaPendingSecret = :secret AND attribute_not_exists(mfaSecret)', {
      ':secret': secret,
      ':step': step,
    });
  }

  useStep(username: string, step: number): Promise<boolean> {
    return this.update(username, 'SET mfaLastStep = :step', 'attribute_exists(mfaSecret) AND (attribute_not_exists(mfaLastStep) OR mfaLastStep < :step)', {
      ':step': step,
    });
  }

  private async update(username: string, update: string, condition: string, values: Record<string, unknown>): Promise<boolean> {
    try {
      await this.doc.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.credential(username),
          UpdateExpression: update,
          ConditionExpression: `attribute_exists(PK) AND ${condition}`,
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}
