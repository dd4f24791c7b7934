import { Duration, Stack } from 'aws-cdk-lib';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source, type ISource } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { OPENAPI_PATH } from '../../functions/http/openapi.js';
import { ASYNCAPI_PATH } from '../../functions/events/asyncapi.js';
import { acknowledge } from './nag.js';
import { repoPath, repoPathExists } from './repo-paths.js';

/** Shown when the stack is synthesised before the console was built: synth never depends on a web build. */
const PLACEHOLDER_INDEX =
  '<!doctype html><meta charset="utf-8"><title>anze</title><p>The console has not been built: run the web build, then deploy again.</p>';

export interface ConsoleDeploymentProps {
  /** The console build, relative to the repository root (or absolute); a placeholder page when missing. */
  readonly webDist: string;
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** Served as `/config.json`; web/src/config/runtime-config.ts reads exactly this shape. */
  readonly runtimeConfig: Record<string, unknown>;
  /** Served as `/api/v1/openapi.json` (a behaviour of its own in front of the API's `/api/*`). */
  readonly openApiDocument: Record<string, unknown>;
  /** Served as `/api/v1/asyncapi.json`, the events' contract, the same way. */
  readonly asyncApiDocument: Record<string, unknown>;
}

/**
 * Uploads the console build and its runtime configuration to the console bucket, in two parts:
 * hashed bundles under `assets/` (cached a year, never pruned) and the root files plus `config.json`
 * (always revalidated, invalidated at the edge after each deployment).
 */
export class ConsoleDeployment extends Construct {
  constructor(scope: Construct, id: string, props: ConsoleDeploymentProps) {
    super(scope, id);
    const built = repoPathExists(props.webDist);

    let assets: BucketDeployment | undefined;
    if (built) {
      // Hashed bundles never change under their name: cache them for a year, and never prune them, so a
      // browser still holding the previous index.html can load its chunks during a deployment.
      assets = new BucketDeployment(this, 'Assets', {
        sources: [Source.asset(repoPath(props.webDist))],
        destinationBucket: props.bucket,
        exclude: ['*'],
        include: ['assets/*'],
        prune: false,
        cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
        memoryLimit: 512,
      });
    }
    const shell: ISource = built ? Source.asset(repoPath(props.webDist)) : Source.data('index.html', PLACEHOLDER_INDEX);
    const shellDeployment = new BucketDeployment(this, 'Shell', {
      sources: [
        shell,
        Source.jsonData('config.json', props.runtimeConfig),
        Source.jsonData(OPENAPI_PATH.slice(1), props.openApiDocument),
        Source.jsonData(ASYNCAPI_PATH.slice(1), props.asyncApiDocument),
      ],
      destinationBucket: props.bucket,
      exclude: ['assets/*'],
      cacheControl: [CacheControl.noCache()],
      distribution: props.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
    // The new index.html must not go live before the chunks it names.
    if (assets) shellDeployment.node.addDependency(assets);
    this.acknowledgeHandler(shellDeployment, props.bucket);
  }

  /**
   * BucketDeployment runs the AWS CLI in a CDK-provided singleton Lambda function (one per stack, shared by
   * both deployments); its role and runtime are the library's. Acknowledged finding by finding, on it only.
   */
  private acknowledgeHandler(deployment: BucketDeployment, bucket: Bucket): void {
    const stack = Stack.of(this);
    const bucketLogicalId = String(stack.resolve((bucket.node.defaultChild as CfnBucket).logicalId));
    const copyWhy = 'the CDK BucketDeployment handler copies the console build from the CDK asset bucket into the console bucket';
    acknowledge(
      deployment.handlerRole,
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason:
          'AWSLambdaBasicExecutionRole (CloudWatch Logs only) is attached by the CDK-provided BucketDeployment singleton itself; its role cannot be built without it.',
      },
      ...['s3:GetBucket*', 's3:GetObject*', 's3:List*', 's3:Abort*', 's3:DeleteObject*'].map((action) => ({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason: `Action group granted by BucketDeployment's bucket grants: ${copyWhy} and prunes stale files there.`,
      })),
      {
        id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
        reason: `Read access to the CDK bootstrap asset bucket, where the zipped console build is staged: ${copyWhy}.`,
      },
      {
        id: `AwsSolutions-IAM5[Resource::<${bucketLogicalId}.Arn>/*]`,
        reason: `Objects of the console bucket only: ${copyWhy}.`,
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'cloudfront:CreateInvalidation/GetInvalidation for the post-deployment invalidation; BucketDeployment grants them without a resource ARN.',
      },
    );
    for (const child of stack.node.children) {
      if (child.node.id.startsWith('Custom::CDKBucketDeployment')) {
        acknowledge(child, {
          id: 'AwsSolutions-L1',
          reason:
            'The BucketDeployment handler is CDK-provided (Python + AWS CLI layer) and pinned by aws-cdk-lib; upgrading the library upgrades it.',
        });
      }
    }
  }
}
