import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { consoleContentSecurityPolicy } from '../content-security-policy.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  // Same origin for everything locally: the console, the API and the evidence uploads (/local-archive).
  'content-security-policy': consoleContentSecurityPolicy(),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'x-frame-options': 'DENY',
};

const PLACEHOLDER = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>anze 安责险平台</title>
<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto"><h1>anze 安责险平台</h1>
<p>The console has not been built. Run <code>npm run build:web</code>, or use the API under <code>/api/v1</code>
(<a href="/api/v1/openapi.json">OpenAPI</a>).</p></body></html>`;

/**
 * Serves the built SPA on the same origin as the API, as CloudFront does on AWS: files from `web/dist`,
 * `index.html` for client-side routes, and `/config.json` with the runtime configuration (local sign-in).
 */
export function serveStatic(webDist: string, config: Record<string, unknown>) {
  const root = normalize(webDist + sep);
  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://local');
    if (url.pathname === '/config.json') {
      response.writeHead(200, { 'content-type': TYPES['.json'] ?? '', 'cache-control': 'no-store', ...SECURITY_HEADERS });
      response.end(JSON.stringify(config));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', ...SECURITY_HEADERS });
      response.end();
      return;
    }
    const decoded = decodePath(url.pathname);
    if (decoded === undefined) {
      // No file or client route has a malformed percent-escape in its name (issue 12 #4).
      notFound(response);
      return;
    }
    const wanted = normalize(join(root, decoded));
    const inside = wanted.startsWith(root);
    const isFile = inside && existsSync(wanted) && statSync(wanted).isFile();
    const index = join(root, 'index.html');
    if (!isFile && !existsSync(index)) {
      response.writeHead(200, { 'content-type': TYPES['.html'] ?? '', ...SECURITY_HEADERS });
      response.end(PLACEHOLDER);
      return;
    }
    // Paths with a file extension that do not exist are real 404s; everything else is a client route.
    if (!isFile && extname(url.pathname) !== '') {
      notFound(response);
      return;
    }
    const file = isFile ? wanted : index;
    const immutable = isFile && file.includes(`${sep}assets${sep}`);
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    });
    if (request.method === 'HEAD') response.end();
    else createReadStream(file).pipe(response);
  };
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  response.end('not found');
}

/** The path as file names spell it, or undefined where its escapes are not valid UTF-8 (`%`, `%ZZ`, `%C0%AF`). */
function decodePath(pathname: string): string | undefined {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
}
