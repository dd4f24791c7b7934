import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

/**
 * The floor of this stack (issue 20): the least a Lambda function can do to answer an API request from DynamoDB —
 * one client, one `GetItem`, the item back as JSON. The benchmark bundles it with the construct's own settings
 * (reference-bundle.ts) and sets every function beside it: bundle size, cold start, first request.
 * The client is made at module scope, as in AWS's own examples; the endpoint comes from the environment
 * (`AWS_ENDPOINT_URL_DYNAMODB` for DynamoDB Local), so the code has nothing anze in it.
 */
const client = new DynamoDBClient({});

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
  const id = event.pathParameters?.tenantId ?? 'missing';
  const { Item } = await client.send(
    new GetItemCommand({ TableName: process.env.ANZE_TABLE, Key: { PK: { S: `P#TENANT#${id}` }, SK: { S: 'PROFILE' } } }),
  );
  return Item
    ? { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(Item) }
    : { statusCode: 404, body: '{"error":{"code":"NOT_FOUND"}}' };
};
