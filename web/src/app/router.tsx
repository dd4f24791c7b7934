import { createBrowserRouter, type RouteObject } from 'react-router';
import { SignInPage } from '../auth/SignInPage';
import { ConsoleLayout } from '../layout/ConsoleLayout';
import { RequireRole } from '../layout/RequireRole';
import { RequireSession } from '../layout/RequireSession';
import { CONSOLE_ROUTES } from '../navigation/console-routes';
import { NotFoundPage } from '../pages/common/NotFoundPage';
import { RoleHome } from '../pages/common/RoleHome';
import { PageSpinner } from '../pages/common/PageSpinner';
import { RouteErrorPage } from '../pages/common/RouteErrorPage';

/** `/login` outside the shell; every console page inside it, behind the session and its roles. */
export function createConsoleRouter() {
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
  return createBrowserRouter([
    { path: '/login', element: <SignInPage />, errorElement: <RouteErrorPage /> },
    {
      path: '/',
      element: (
        <RequireSession>
          <ConsoleLayout />
        </RequireSession>
      ),
      errorElement: <RouteErrorPage />,
      // Shown only while the first page's code loads on a cold start.
      hydrateFallbackElement: <PageSpinner />,
      children: [{ index: true, element: <RoleHome /> }, ...pages, { path: '*', element: <NotFoundPage /> }],
    },
  ]);
}
