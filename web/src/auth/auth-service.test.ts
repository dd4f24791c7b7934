import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/api-error';
import type { SessionUser } from '../api';
import { AuthService } from './auth-service';
import { SignInError, type AuthSession, type Credentials, type IdentityProvider } from './auth-session';

class MemoryStorage implements Storage {
  private readonly entries = new Map<string, string>();
  get length() {
    return this.entries.size;
  }
  clear() {
    this.entries.clear();
  }
  getItem(key: string) {
    return this.entries.get(key) ?? null;
  }
  key(index: number) {
    return [...this.entries.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.entries.delete(key);
  }
  setItem(key: string, value: string) {
    this.entries.set(key, value);
  }
}

const user: SessionUser = { id: 'u1', username: 'picc-admin', role: 'insurer-admin', displayName: '管理员', tenantId: 't1' };

function localProvider(lifetimeMs: number): IdentityProvider & { calls: Credentials[] } {
  const calls: Credentials[] = [];
  return {
    mode: 'local',
    calls,
    async signIn(credentials) {
      calls.push(credentials);
      if (credentials.password !== 'right-password-1') throw new SignInError('invalid-credentials');
      return { mode: 'local', token: `token-${calls.length}`, expiresAt: Date.now() + lifetimeMs, user };
    },
  };
}

describe('AuthService', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-28T08:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('keeps the session in memory and in session storage, and restores it after a reload', async () => {
    const storage = new MemoryStorage();
    const auth = new AuthService(localProvider(3_600_000), storage);
    await auth.signIn({ username: 'picc-admin', password: 'right-password-1' });
    expect(await auth.getToken()).toBe('token-1');
    const reloaded = new AuthService(localProvider(3_600_000), storage);
    expect(reloaded.getState()).toMatchObject({ status: 'signed-in', session: { token: 'token-1', user } });
  });

  it('locally, asks for the password again at expiry and releases the held calls afterwards', async () => {
    const provider = localProvider(60_000);
    const auth = new AuthService(provider, new MemoryStorage());
    await auth.signIn({ username: 'picc-admin', password: 'right-password-1' });
    vi.advanceTimersByTime(60_000);
    expect(auth.getState().status).toBe('reauth-required');

    const held = auth.getToken();
    await expect(auth.reauthenticate('wrong')).rejects.toBeInstanceOf(SignInError);
    expect(auth.getState().status).toBe('reauth-required');
    await auth.reauthenticate('right-password-1');
    await expect(held).resolves.toBe('token-3');
    expect(provider.calls.at(-1)).toEqual({ username: 'picc-admin', password: 'right-password-1' });
  });

  it('signs out on request (a 401 from the API) and fails the calls still waiting', async () => {
    const auth = new AuthService(localProvider(1_000), new MemoryStorage());
    await auth.signIn({ username: 'picc-admin', password: 'right-password-1' });
    vi.advanceTimersByTime(1_000);
    const held = auth.getToken();
    auth.signOut('unauthorized');
    await expect(held).rejects.toBeInstanceOf(ApiError);
    expect(auth.getState()).toEqual({ status: 'signed-out', reason: 'unauthorized' });
    await expect(auth.getToken()).rejects.toMatchObject({ status: 401 });
  });

  it('with Cognito, refreshes silently a minute before expiry, once for concurrent callers', async () => {
    let refreshes = 0;
    const session = (token: string): AuthSession => ({ mode: 'cognito', token, expiresAt: Date.now() + 3_600_000, user, refreshToken: 'r' });
    const provider: IdentityProvider = {
      mode: 'cognito',
      signIn: async () => session('id-1'),
      refresh: async () => session(`id-refreshed-${++refreshes}`),
    };
    const auth = new AuthService(provider, new MemoryStorage());
    await auth.signIn({ username: 'a', password: 'b' });
    await vi.advanceTimersByTimeAsync(3_600_000 - 60_000);
    expect(refreshes).toBe(1);
    expect(await auth.getToken()).toBe('id-refreshed-1');

    vi.setSystemTime(Date.now() + 3_600_000);
    const [first, second] = await Promise.all([auth.getToken(), auth.getToken()]);
    expect(first).toBe(second);
    expect(refreshes).toBe(2);
  });
});
