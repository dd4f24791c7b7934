/**
 * Imported first by `infra/local/main.ts`, so these hold before any handler module (and its Powertools
 * logger and metrics) is evaluated: locally there is no CloudWatch or X-Ray, and logs are for warnings.
 * Values already in the environment win.
 */
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
// This machine runs Node 20 on purpose (TOOLCHAIN.md); the SDK's reminder about Node 22 is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
