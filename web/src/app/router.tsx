import { createBrowserRouter } from 'react-router';
import { SignInPage } from '../auth/SignInPage';
import { SignInErrorFallback } from '../auth/SignInErrorFallback';

/**
 * `/login` outside the shell; every other path is the console shell, whose routes (and code) are added on
 * the first navigation outside `/login` (react-router's `patchRoutesOnNavigation`), so the sign-in page
 * loads no more than it needs (issue 15, first visit).
 */
export function createConsoleRouter() {
  let shell: Promise<void> | undefined;
  return createBrowserRouter([{ path: '/login', element: <SignInPage />, errorElement: <SignInErrorFallback /> }], {
    patchRoutesOnNavigation({ patch }) {
      shell ??= import('./console-shell-routes').then(({ consoleShellRoutes }) => patch(null, consoleShellRoutes()));
      return shell;
    },
  });
}
