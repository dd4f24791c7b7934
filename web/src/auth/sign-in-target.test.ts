import { describe, expect, it } from 'vitest';
import { safeNextPath } from './sign-in-target';

describe('safeNextPath', () => {
  it('follows console paths only', () => {
    expect(safeNextPath('/platform/tenants?q=人保')).toBe('/platform/tenants?q=人保');
    for (const unsafe of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/login?next=/x']) {
      expect(safeNextPath(unsafe), String(unsafe)).toBeUndefined();
    }
  });
});
