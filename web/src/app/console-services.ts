import { QueryClient } from '@tanstack/react-query';
import { createApi, type Api } from '../api';
import { AuthService } from '../auth/auth-service';
import type { IdentityProvider } from '../auth/auth-session';
import { CognitoIdentityProvider } from '../auth/cognito-identity-provider';
import { LocalIdentityProvider } from '../auth/local-identity-provider';
import type { RuntimeConfig } from '../config/runtime-config';

/** The console's long-lived objects, made once from the runtime configuration. */
export interface ConsoleServices {
  readonly config: RuntimeConfig;
  readonly auth: AuthService;
  readonly api: Api;
  /** Every piece of server data the pages show (TanStack Query); emptied at sign-out. */
  readonly queryClient: QueryClient;
}

export function createConsoleServices(config: RuntimeConfig, storage: Storage = sessionStorage): ConsoleServices {
  // The API needs the session's token and the session (locally) needs the API's login route: bind late.
  let auth: AuthService | undefined;
  const api = createApi({
    getToken: () => (auth ? auth.getToken() : Promise.reject(new Error('auth not ready'))),
    onUnauthorized: () => auth?.signOut('unauthorized'),
  });
  const provider: IdentityProvider =
    config.auth.mode === 'cognito'
      ? new CognitoIdentityProvider(config.auth)
      : new LocalIdentityProvider(api.client); // the login route is public: no token, no sign-out on 401
  auth = new AuthService(provider, storage);
  const queryClient = createQueryClient();
  // Another user may sign in next on this tab: nothing of this session's data may show for them.
  auth.subscribe(() => {
    if (auth?.getState().status === 'signed-out') queryClient.clear();
  });
  return { config, auth, api, queryClient };
}

/**
 * The cache of server data. Failures are shown at once with a retry button (no silent retries: a 4xx will
 * not change by asking again), and a page refetches on mount and after a change, not on window focus.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
