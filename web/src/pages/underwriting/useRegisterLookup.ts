import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api-error';
import type { RegisterEntry } from '../../api';
import { useApi } from '../../app/ServicesContext';
import { isValidUscc } from '../../reference/domain';

export type RegisterLookup =
  | { readonly status: 'idle' }
  | { readonly status: 'loading'; readonly uscc: string }
  | { readonly status: 'found'; readonly uscc: string; readonly entry: RegisterEntry }
  | { readonly status: 'missing'; readonly uscc: string }
  | { readonly status: 'error'; readonly uscc: string; readonly error: unknown };

/**
 * REG-1: the register's entry for the USCC being typed, looked up once it is a valid code (UW-2 checked in
 * the browser first, so a typo costs no request); the previous look-up is cancelled.
 */
export function useRegisterLookup(uscc: string | undefined): RegisterLookup {
  const api = useApi();
  const code = (uscc ?? '').trim().toUpperCase();
  const valid = isValidUscc(code);
  const [state, setState] = useState<RegisterLookup>({ status: 'idle' });

  useEffect(() => {
    if (!valid) return undefined;
    const controller = new AbortController();
    setState({ status: 'loading', uscc: code });
    api.policies.lookUpEnterprise(code, controller.signal).then(
      (entry) => {
        if (!controller.signal.aborted) setState({ status: 'found', uscc: code, entry });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState(error instanceof ApiError && error.status === 404 ? { status: 'missing', uscc: code } : { status: 'error', uscc: code, error });
      },
    );
    return () => controller.abort();
  }, [api, code, valid]);

  // A look-up answers for the code it was made for only.
  return valid && state.status !== 'idle' && state.uscc === code ? state : { status: 'idle' };
}
