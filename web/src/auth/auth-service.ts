import { ApiError } from '../api/api-error';
import {
  readStoredSession,
  SignInError,
  writeStoredSession,
  type AuthSession,
  type Credentials,
  type IdentityProvider,
} from './auth-session';

/** Why the console is signed out: shown as a notice on the sign-in page. */
export type SignOutReason = 'signed-out' | 'unauthorized' | 'expired';

export type AuthState =
  | { readonly status: 'signed-out'; readonly reason?: SignOutReason }
  | { readonly status: 'signed-in'; readonly session: AuthSession }
  /** Local mode: the token expired and the console waits for the password again (requests are held). */
  | { readonly status: 'reauth-required'; readonly session: AuthSession };

/** Refresh Cognito tokens this long before they expire. */
const REFRESH_AHEAD_MS = 60_000;

/**
 * The console's session: sign in and out, a valid token for every API call, and what happens at expiry.
 * Primary course: 1. sign in through the identity provider; 2. keep the session in memory and in session
 * storage (survives a reload, not a closed tab); 3. before expiry, Cognito sessions refresh silently,
 * local sessions ask for the password again while API calls wait; 4. a 401 from the API signs out.
 * Framework-free so that the API client can use it; React reads it through `useAuth`.
 */
export class AuthService {
  private state: AuthState;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<string> | undefined;
  private waiters: { resolve: (token: string) => void; reject: (error: unknown) => void }[] = [];

  constructor(
    private readonly provider: IdentityProvider,
    private readonly storage: Storage,
    private readonly now: () => number = Date.now,
  ) {
    const stored = readStoredSession(storage);
    if (stored && stored.mode === provider.mode) {
      this.state = { status: 'signed-in', session: stored };
      this.schedule(stored);
    } else {
      this.state = { status: 'signed-out' };
    }
  }

  readonly getState = (): AuthState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  async signIn(credentials: Credentials): Promise<AuthSession> {
    const session = await this.provider.signIn(credentials);
    this.accept(session);
    return session;
  }

  /** Issue 21: the session an authenticator enrolment ended with (local: `/auth/mfa/verify` answers one). */
  adopt(session: AuthSession): void {
    this.accept(session);
  }

  /** Local mode: the same user types the password again; held API calls then go ahead. */
  async reauthenticate(password: string): Promise<void> {
    if (this.state.status === 'signed-out') throw new SignInError('unavailable', 'not signed in');
    const username = this.state.session.user.username;
    let session: AuthSession;
    try {
      session = await this.provider.signIn({ username, password });
    } catch (error) {
      // Issue 21: a user with an authenticator answers its code on the sign-in page, which asks for it.
      if (error instanceof SignInError && (error.failure === 'mfa-code-required' || error.failure === 'mfa-setup-required')) this.signOut('expired');
      throw error;
    }
    if (session.user.id !== this.state.session.user.id) throw new SignInError('invalid-credentials');
    this.accept(session);
  }

  signOut(reason: SignOutReason = 'signed-out'): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    writeStoredSession(this.storage, undefined);
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.reject(new ApiError(401, 'SIGNED_OUT', 'signed out'));
    this.set({ status: 'signed-out', reason });
  }

  /** A token the API will accept, refreshing or waiting for re-authentication when needed. */
  readonly getToken = async (): Promise<string> => {
    const state = this.state;
    if (state.status === 'signed-out') throw new ApiError(401, 'SIGNED_OUT', 'signed out');
    if (state.status === 'signed-in' && state.session.expiresAt - this.now() > 5_000) return state.session.token;
    if (this.provider.refresh && state.session.refreshToken) return this.refreshOnce(state.session);
    if (state.status === 'signed-in') this.set({ status: 'reauth-required', session: state.session });
    return new Promise<string>((resolve, reject) => this.waiters.push({ resolve, reject }));
  };

  private refreshOnce(session: AuthSession): Promise<string> {
    const refresh = this.provider.refresh;
    if (!refresh) return Promise.reject(new SignInError('unavailable'));
    this.refreshing ??= refresh
      .call(this.provider, session)
      .then((renewed) => {
        this.accept(renewed);
        return renewed.token;
      })
      .catch((error: unknown) => {
        this.signOut('expired');
        throw error;
      })
      .finally(() => {
        this.refreshing = undefined;
      });
    return this.refreshing;
  }

  private accept(session: AuthSession): void {
    writeStoredSession(this.storage, session);
    this.set({ status: 'signed-in', session });
    this.schedule(session);
    const waiters = this.waiters;
    this.waiters = [];
    for (const waiter of waiters) waiter.resolve(session.token);
  }

  private schedule(session: AuthSession): void {
    if (this.timer) clearTimeout(this.timer);
    const ahead = this.provider.refresh && session.refreshToken ? REFRESH_AHEAD_MS : 0;
    // setTimeout overflows past ~24.8 days; tokens never live that long, but clamp anyway.
    const delay = Math.min(Math.max(session.expiresAt - ahead - this.now(), 0), 2 ** 31 - 1);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.state.status !== 'signed-in') return;
      if (ahead > 0) void this.refreshOnce(this.state.session).catch(() => undefined);
      else this.set({ status: 'reauth-required', session: this.state.session });
    }, delay);
  }

  private set(state: AuthState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
