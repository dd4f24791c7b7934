import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error';
import { enUS } from '../i18n/messages.en-US';
import { zhCN } from '../i18n/messages.zh-CN';
import { translate } from '../i18n/translate';
import { describeApiError } from './describeApiError';

const zh = (key: keyof typeof zhCN, values?: Readonly<Record<string, string | number>>) => translate(zhCN, key, values);
const en = (key: keyof typeof zhCN, values?: Readonly<Record<string, string | number>>) => translate(enUS, key, values);
const LATIN_WORD = /[A-Za-z]{3,}/;

describe('describeApiError (issue 15: Chinese throughout)', () => {
  const english409 = new ApiError(409, 'CONFLICT', 'SVC-9: the service is already archived', undefined, 'SVC-9');
  const english403 = new ApiError(403, 'FORBIDDEN', 'role INSURER_STAFF may not call this route');

  it('the Chinese console never appends the server’s English sentence, and keeps the rule id of a 409', () => {
    const conflict = describeApiError(english409, zh);
    expect(conflict).toContain('SVC-9');
    expect(conflict.replace('SVC', '')).not.toMatch(LATIN_WORD);
    expect(describeApiError(english403, zh)).not.toMatch(LATIN_WORD);
    expect(describeApiError(new ApiError(400, 'VALIDATION', 'body.name: Required'), zh)).not.toMatch(LATIN_WORD);
  });

  it('a message the server words in Chinese is still appended', () => {
    const chinese = new ApiError(409, 'CONFLICT', '该服务已归档', undefined, 'SVC-9');
    expect(describeApiError(chinese, zh)).toContain('该服务已归档');
  });

  it('the English console keeps the server’s English detail', () => {
    expect(describeApiError(english403, en)).toContain('role INSURER_STAFF may not call this route');
  });
});
