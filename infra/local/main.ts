import './local-env.js';
import { resolve } from 'node:path';
import { DEMO_PASSWORD } from './seed.js';
import { REPO_ROOT, startPlatform } from './platform.js';

/**
 * `npm start`: the whole platform on this machine. Environment:
 * - `PORT` (default 3000; 0 picks a free port), `HOST` (default 127.0.0.1)
 * - `ANZE_DATA_DIR` (default `.data`): DynamoDB Local's files, the archive, the token key
 * - `ANZE_OPERATOR_PASSWORD`: the operator's password on first start (else one is generated and printed once)
 * - `ANZE_DEMO=false`: no demo data on first start; `ANZE_DEMO_BUSINESS=false`: demo logins only
 * - `ANZE_RATE_LIMIT_SCALE`: multiplies every rate limit of infra/rate-limits.ts (default 1, as on AWS; tests use 1000)
 * - `ANZE_BUILD_WEB=false`: serve the API without (re)building the console first (fault tests)
 * - `ANZE_MAIL_SINK_DIR`: where the local mail sink writes e-mails as .eml files (default `<ANZE_DATA_DIR>/mail`)
 * - SYNC-1, the simulated provincial platform (loopback): every `ANZE_PROVINCE_DOWN_EVERY`-th upload (default 7)
 *   finds it down and every `ANZE_PROVINCE_SLOW_EVERY`-th (default 5) waits `ANZE_PROVINCE_DELAY_MS` (default
 *   1500); 0 turns either off. `ANZE_PROVINCE_URL`: a real endpoint instead (no simulator starts).
 *   `ANZE_SYNC_RETRY_BASE_MS`: the first retry's wait (default 30000), doubling up to an hour.
 * - `ANZE_MINE_SIMULATOR=true` (MON-2, issue 19): a simulated coal mine (ent-demo's, insured by 人保) posts
 *   readings every 5 s through the gateway with a data source's API key, with a gas spike (CH4 over 1.0 %) every two
 *   minutes, so 监测值班 shows life; needs the business demo. Off by default, and in tests.
 * - `ANZE_LOCAL_IAM=off`: no local IAM twin. On by default: tenant-scoped and regulator DynamoDB clients check each call
 *   against the roles' own policy statements (functions/adapters/iam-twin/, issue 21), so layer 2 refuses here too.
 * DynamoDB Local is supervised: restarted if it dies, and stopped with Node however Node ends (dynamodb-local.ts).
 */
async function main(): Promise<void> {
  const started = Date.now();
  const platform = await startPlatform({
    dataDir: resolve(REPO_ROOT, process.env.ANZE_DATA_DIR ?? '.data'),
    port: Number(process.env.PORT ?? 3000),
    host: process.env.HOST ?? '127.0.0.1',
    operatorPassword: process.env.ANZE_OPERATOR_PASSWORD,
    demo: process.env.ANZE_DEMO !== 'false',
    demoBusiness: process.env.ANZE_DEMO_BUSINESS !== 'false',
    buildWeb: process.env.ANZE_BUILD_WEB !== 'false',
    provincialSync: {
      behaviour: {
        downEvery: Number(process.env.ANZE_PROVINCE_DOWN_EVERY ?? 7),
        slowEvery: Number(process.env.ANZE_PROVINCE_SLOW_EVERY ?? 5),
        // The simulator reads `slowEvery: 0` with a delay as "always slow"; here 0 means never slow, as documented.
        delayMs: Number(process.env.ANZE_PROVINCE_SLOW_EVERY ?? 5) === 0 ? 0 : Number(process.env.ANZE_PROVINCE_DELAY_MS ?? 1500),
      },
    },
    ...(process.env.ANZE_MAIL_SINK_DIR ? { mailDir: resolve(process.env.ANZE_MAIL_SINK_DIR) } : {}),
    mineSimulator: process.env.ANZE_MINE_SIMULATOR === 'true',
  });

  const lines = [
    '',
    `anze is running at ${platform.url}   (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  API: ${platform.url}/api/v1   OpenAPI: ${platform.url}/api/v1/openapi.json`,
    '',
  ];
  if (platform.generatedOperatorPassword) {
    lines.push(`  Platform operator: operator / ${platform.generatedOperatorPassword}`);
    lines.push('  (generated now and shown only this once — set ANZE_OPERATOR_PASSWORD to choose it)');
  } else {
    lines.push('  Platform operator: operator / (the password from ANZE_OPERATOR_PASSWORD at first start)');
  }
  if (platform.demoLogins.length > 0) {
    lines.push('', `  Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const login of platform.demoLogins) {
      lines.push(`    ${login.username.padEnd(14)} ${login.role.padEnd(16)} ${login.organisation}`);
    }
  }
  if (platform.province) lines.push('', `  Provincial platform (simulated, SYNC-1): ${platform.province.url}   behaviour: ${platform.province.url}/_control`);
  if (platform.mine) {
    lines.push('', `  Simulated mine (MON-2): ${platform.mine.enterpriseName} posts readings every ${platform.mine.intervalMs / 1000} s, a gas spike every two minutes — 监测值班 as picc-admin`);
  }
  lines.push('', `  E-mail (local mail sink): each message is an .eml file in ${platform.mailDir}`);
  lines.push('', '  Ctrl-C stops everything.', '');
  console.log(lines.join('\n'));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping anze …`);
    await platform.stop();
    console.log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`\nanze could not start: ${(error as Error).message}`);
  process.exit(1);
});
