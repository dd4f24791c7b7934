import type { SessionUser } from '../../api';
import { useAuth } from '../../app/ServicesContext';

/** The signed-in user (pages render inside RequireSession, so there is one). */
export function useSessionUser(): SessionUser | undefined {
  const { state } = useAuth();
  return state.status === 'signed-out' ? undefined : state.session.user;
}
