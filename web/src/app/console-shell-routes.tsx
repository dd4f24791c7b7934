import { App as AntApp } from 'antd';
import type { RouteObject } from 'react-router';
import { ConsoleLayout } from '../layout/ConsoleLayout';
import { RequireRole } from '../layout/RequireRole';
import { RequireSession } from '../layout/RequireSession';
import { CONSOLE_ROUTES } from '../navigation/console-routes';
import { NotFoundPage } from '../pages/common/NotFoundPage';
import { PageSpinner } from '../pages/common/PageSpinner';
import { RoleHome } from '../pages/common/RoleHome';
import { RouteErrorPage } from '../pages/common/RouteErrorPage';

/**
 * Every console page inside the shell, behind the session and its roles. Loaded only after the sign-in
 * page (issue 15, first visit): the shell, its menu, its icons and antd's App/message/modal are not what
 * a visitor who has not signed in needs.
 */
export function consoleShellRoutes(): RouteObject[] {
  const pages: RouteObject[] = CONSOLE_ROUTES.map((route): RouteObject => {
    const common = { path: route.path.slice(1), errorElement: <RouteErrorPage /> };
    const { page, roles } = route;
    if (typeof page !== 'function') return { ...common, element: <RequireRole roles={roles}>{page}</RequireRole> };
    return {
      ...common,
      lazy: async () => {
        const Page = await page();
        return {
          element: (
            <RequireRole roles={roles}>
              <Page />
            </RequireRole>
          ),
        };
      },
    };
  });
  return [
    {
      path: '/',
      element: (
        <RequireSession>
          <AntApp>
            <ConsoleLayout />
          </AntApp>
        </RequireSession>
      ),
      errorElement: <RouteErrorPage />,
      // Shown only while the first page's code loads on a cold start.
      hydrateFallbackElement: <PageSpinner />,
      children: [{ index: true, element: <RoleHome /> }, ...pages, { path: '*', element: <NotFoundPage /> }],
    },
  ];
}
