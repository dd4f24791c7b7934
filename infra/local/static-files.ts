import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
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

/** Text files worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt']);

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

type Encoding = 'br' | 'gzip';

/**
 * The encoding to answer with (issue 15, first visit: 1.5 MB of JavaScript went uncompressed): brotli when
 * the browser takes it, else gzip, else none. A `q=0` entry is a refusal.
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | undefined {
  const accepted = new Set(
    (acceptEncoding ?? '')
      .split(',')
      .map((entry) => entry.trim().split(';'))
      .filter(([, ...params]) => !params.some((param) => /^\s*q\s*=\s*0(\.0*)?\s*$/.test(param)))
      .map(([name]) => (name ?? '').trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return undefined;
}

/**
 * Compressed copies of the console's files, made once per file version (path, size, mtime) and kept in
 * memory, as CloudFront keeps its compressed copies at the edge. Brotli quality 9: within ≈10 % of the
 * maximum (11) at a twentieth of its time, so the first visit after `npm start` is not kept waiting.
 */
function compressedCache() {
  const cache = new Map<string, Promise<Buffer>>();
  return (file: string, encoding: Encoding): Promise<Buffer> => {
    const stat = statSync(file);
    const key = `${encoding}:${file}:${stat.size}:${stat.mtimeMs}`;
    let entry = cache.get(key);
    if (!entry) {
      const body = readFileSync(file);
      entry =
        encoding === 'br'
          ? brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length } })
          : gzipAsync(body, { level: 9 });
      cache.set(key, entry);
      entry.catch(() => cache.delete(key));
    }
    return entry;
  };
}

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
  const compressed = compressedCache();
  warmUp(root, compressed);
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
    // Paths with a file extension that do not exist are real 404s, built console or not; everything else is a
    // client route (the placeholder page until `npm run build:web` has run).
    if (!isFile && extname(url.pathname) !== '') {
      notFound(response);
      return;
    }
    if (!isFile && !existsSync(index)) {
      response.writeHead(200, { 'content-type': TYPES['.html'] ?? '', ...SECURITY_HEADERS });
      response.end(PLACEHOLDER);
      return;
    }
    const file = isFile ? wanted : index;
    const immutable = isFile && file.includes(`${sep}assets${sep}`);
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...SECURITY_HEADERS,
    };
    const encoding = COMPRESSIBLE.has(extname(file)) ? chooseEncoding(request.headers['accept-encoding']) : undefined;
    if (!encoding) {
      response.writeHead(200, COMPRESSIBLE.has(extname(file)) ? { ...headers, vary: 'accept-encoding' } : headers);
      if (request.method === 'HEAD') response.end();
      else createReadStream(file).pipe(response);
      return;
    }
    compressed(file, encoding).then(
      (body) => {
        response.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': body.length, vary: 'accept-encoding' });
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      () => {
        response.writeHead(200, headers);
        createReadStream(file).pipe(response);
      },
    );
  };
}

/** Compresses index.html and the built assets in the background at start, so the first visit finds them ready. */
function warmUp(root: string, compressed: (file: string, encoding: Encoding) => Promise<Buffer>): void {
  const assets = join(root, 'assets');
  const files = [join(root, 'index.html'), ...(existsSync(assets) ? readdirSync(assets).map((name) => join(assets, name)) : [])];
  for (const file of files) {
    if (!COMPRESSIBLE.has(extname(file)) || !existsSync(file)) continue;
    for (const encoding of ['br', 'gzip'] as const) compressed(file, encoding).catch(() => undefined);
  }
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
