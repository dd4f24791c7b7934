/** A `?next=` value is followed only when it is a path of this console (no open redirect). */
export function safeNextPath(next: string | null): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) {
    return undefined;
  }
  return next;
}
