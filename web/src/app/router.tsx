import { createBrowserRouter } from 'react-router';
import { SignInPage } from '../auth/SignInPage';
import { SignInErrorFallback } from '../auth/SignInErrorFallback';
import { loadLocale, storedLocale } from '../i18n';

/**
 * `/login` outside the shell; every other path is the console shell, whose routes (and code) are added on
 * the first navigation outside `/login` (react-router's `patchRoutesOnNavigation`), so the sign-in page
 * loads no more than it needs (issue 15, first visit). The shell's pages wait for the whole message catalogue
 * of the chosen language too (the sign-in page has Chinese's common messages only: i18n/locales.ts).
 */
export function createConsoleRouter() {
  let shell: Promise<void> | undefined;
  return createBrowserRouter([{ path: '/login', element: <SignInPage />, errorElement: <SignInErrorFallback /> }], {
    patchRoutesOnNavigation({ patch }) {
      // A failed load (a chunk gone after a redeploy, the network) is tried again on the next navigation.
      shell ??= Promise.all([import('./console-shell-routes'), loadLocale(storedLocale())]).then(
        ([{ consoleShellRoutes }]) => patch(null, consoleShellRoutes()),
        (error: unknown) => {
          shell = undefined;
          throw error;
        },
      );
      return shell;
    },
  });
}
