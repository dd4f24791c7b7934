import { describe, expect, it } from 'vitest';
import { currentCursor, firstPage, forQuery, nextPage, previousPage } from './cursor-stack';

describe('cursor stack', () => {
  it('goes forward with the API cursors and back over the ones already seen', () => {
    let stack = firstPage('q=');
    expect(currentCursor(stack)).toBeUndefined();
    stack = nextPage(stack, 'c2');
    stack = nextPage(stack, 'c3');
    expect(currentCursor(stack)).toBe('c3');
    stack = previousPage(stack);
    expect(currentCursor(stack)).toBe('c2');
    stack = previousPage(previousPage(previousPage(stack)));
    expect(stack.index).toBe(0);
    expect(currentCursor(stack)).toBeUndefined();
  });

  it('forgets the pages ahead when it goes forward from an earlier page', () => {
    const stack = nextPage(previousPage(nextPage(nextPage(firstPage('k'), 'c2'), 'c3')), 'c3-new');
    expect(stack.cursors).toEqual([undefined, 'c2', 'c3-new']);
  });

  it('starts again at the first page when the filters or the page size change', () => {
    const stack = nextPage(firstPage('q=人保'), 'c2');
    expect(forQuery(stack, 'q=人保')).toBe(stack);
    expect(forQuery(stack, 'q=平安')).toEqual(firstPage('q=平安'));
  });
});
