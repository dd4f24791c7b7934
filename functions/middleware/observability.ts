import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * One logger and metrics set per function (the tracer is loaded on demand: see tracing.ts). The service name
 * comes from `POWERTOOLS_SERVICE_NAME` (set per bounded context by the CDK stack); locally the runtime turns
 * tracing and metrics off and lowers the log level, the code stays the same.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'anze' });
export const metrics = new Metrics({ namespace: 'anze', serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'anze' });
