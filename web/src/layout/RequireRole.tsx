import type { ReactNode } from 'react';
import type { Role } from '../api';
import { useAuth } from '../app/ServicesContext';
import { ForbiddenPage } from '../pages/common/ForbiddenPage';

/** A page of other roles answers 403 in place, even when its address is typed by hand. */
export function RequireRole({ roles, children }: { readonly roles: readonly Role[]; readonly children: ReactNode }) {
  const { state } = useAuth();
  if (state.status === 'signed-out') return null;
  return roles.includes(state.session.user.role) ? children : <ForbiddenPage />;
}
