import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useAuth } from '../app/ServicesContext';

/** Signed-out visitors go to the sign-in page, which brings them back here afterwards (`?next=`). */
export function RequireSession({ children }: { readonly children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status !== 'signed-out') return children;
  const here = `${location.pathname}${location.search}`;
  const next = state.reason === 'signed-out' || here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
  return <Navigate to={`/login${next}`} replace />;
}
