/**
 * The console's Content-Security-Policy, one definition for the local runtime (`infra/local/static-files.ts`) and
 * CloudFront's response headers policy (`infra/stacks/web-stack.ts`), so what the browser tests run under is what
 * production sends (issue 12 #10).
 *
 * - Scripts: only the built bundles from the console's own origin; no inline script, no `eval` (index.html has none,
 *   and the Vite build emits none).
 * - Styles: `'unsafe-inline'` is needed — antd injects its CSS-in-JS as `<style>` elements at run time and
 *   index.html carries the boot screen's `<style>`. Styles cannot run code; scripts stay locked.
 * - Connections: the API on the same origin (`/api/v1`) only; on AWS also what the browser must reach directly
 *   (Cognito's sign-in endpoint, the archive bucket for presigned evidence uploads), passed as `connectTo`.
 *
 * @example consoleContentSecurityPolicy() // "default-src 'self'; script-src 'self'; … connect-src 'self'; …"
 */
export function consoleContentSecurityPolicy(connectTo: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connectTo].join(' '),
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
