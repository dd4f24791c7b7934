import { describe, expect, it } from 'vitest';
import { zhCN } from '../../i18n/messages.zh-CN';
import { serviceNumberText } from './service-text';

describe('服务编号 in the console (SVC-5, issue 15)', () => {
  it('SVC-5 a service is shown by its 服务编号; one scheduled before numbering by its id, as before', () => {
    expect(serviceNumberText({ id: '01abc', serviceNumber: 'FW-2026-MA0K1234-000003' })).toBe('FW-2026-MA0K1234-000003');
    expect(serviceNumberText({ id: '01abc' })).toBe('01abc');
    expect(zhCN['svc.field.serviceNumber']).toBe('服务编号');
  });
});
