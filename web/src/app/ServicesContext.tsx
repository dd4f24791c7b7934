import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { Api } from '../api';
import type { AuthService, AuthState } from '../auth/auth-service';
import type { ConsoleServices } from './console-services';

const ServicesContext = createContext<ConsoleServices | undefined>(undefined);

export function ServicesProvider({ services, children }: { readonly services: ConsoleServices; readonly children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): ConsoleServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}

/** The typed API client (`api.platform.listTenants(…)`). */
export function useApi(): Api {
  return useServices().api;
}

/** The session state, re-rendering on sign-in, sign-out and expiry, and the service to act on it. */
export function useAuth(): { readonly state: AuthState; readonly auth: AuthService } {
  const { auth } = useServices();
  const state = useSyncExternalStore(auth.subscribe, auth.getState);
  return { state, auth };
}
