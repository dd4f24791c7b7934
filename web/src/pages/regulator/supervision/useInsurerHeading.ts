import { useCallback, useState } from 'react';
import type { InsurerPoliciesAnswer } from '../../../api';

type InsurerRef = InsurerPoliciesAnswer['insurer'];

/**
 * The insurer a supervision list is about, by name: every answer of those routes names it, so the page keeps
 * the last one it was given rather than asking again.
 */
export function useInsurerHeading(): { readonly insurer: InsurerRef | undefined; readonly remember: <A extends { insurer: InsurerRef }>(answer: A) => A } {
  const [insurer, setInsurer] = useState<InsurerRef>();
  const remember = useCallback(<A extends { insurer: InsurerRef }>(answer: A): A => {
    setInsurer(answer.insurer);
    return answer;
  }, []);
  return { insurer, remember };
}
