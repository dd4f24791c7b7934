import { describe, expect, it } from 'vitest';
import { fieldPathOf, mapFieldIssues } from './field-issues';

describe('fieldPathOf', () => {
  it('turns dotted and indexed paths into antd name paths', () => {
    expect(fieldPathOf('uscc')).toEqual(['uscc']);
    expect(fieldPathOf('admin.username')).toEqual(['admin', 'username']);
    expect(fieldPathOf('hazards.0.grade')).toEqual(['hazards', 0, 'grade']);
    expect(fieldPathOf('hazards[1].rectifyBy')).toEqual(['hazards', 1, 'rectifyBy']);
  });
});

describe('mapFieldIssues', () => {
  const registered = [['name'], ['uscc'], ['admin', 'username'], ['admin', 'password']];

  it('puts each issue under its field, several messages under one field, and keeps the rest', () => {
    const mapped = mapFieldIssues(
      [
        { field: 'uscc', message: 'check character', rule: 'UW-2' },
        { field: 'admin.password', message: 'too short' },
        { field: 'admin.password', message: 'needs digits' },
        { field: 'admin', message: 'admin is odd' },
        { field: 'branchName', message: 'missing' },
      ],
      registered,
    );
    expect(mapped.fields).toEqual([
      { name: ['uscc'], errors: ['check character（UW-2）'] },
      { name: ['admin', 'password'], errors: ['too short', 'needs digits'] },
    ]);
    expect(mapped.unmatched.map((issue) => issue.field)).toEqual(['admin', 'branchName']);
  });

  it('lets the caller word the messages (localised rule texts)', () => {
    const mapped = mapFieldIssues([{ field: 'uscc', message: 'x', rule: 'UW-2' }], registered, (issue) => `rule ${issue.rule}`);
    expect(mapped.fields).toEqual([{ name: ['uscc'], errors: ['rule UW-2'] }]);
  });
});
