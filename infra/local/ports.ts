import { createServer } from 'node:net';

/** A port the OS says is free right now (bind to 0, read, close). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Turns EADDRINUSE into a sentence a new user can act on. */
export function explainListenError(error: NodeJS.ErrnoException, port: number): Error {
  if (error.code === 'EADDRINUSE') {
    return new Error(`Port ${port} is already in use. Stop what is using it, or start with another: PORT=3001 npm start`);
  }
  if (error.code === 'EACCES') return new Error(`Port ${port} needs privileges; choose one above 1023: PORT=3000 npm start`);
  return error;
}
