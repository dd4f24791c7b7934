import { Navigate } from 'react-router';
import { useAuth } from '../../app/ServicesContext';
import { homePathFor } from '../../navigation/console-routes';

/** `/` sends each role to its own first page. */
export function RoleHome() {
  const { state } = useAuth();
  if (state.status === 'signed-out') return null;
  return <Navigate to={homePathFor(state.session.user.role)} replace />;
}
