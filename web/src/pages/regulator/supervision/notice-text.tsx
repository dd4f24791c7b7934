import { Tag } from 'antd';
import type { Notice, NoticeStatus } from '../../../api';
import type { useI18n } from '../../../i18n';

type T = ReturnType<typeof useI18n>['t'];

const STATUS_COLOR: Record<NoticeStatus, string> = { ISSUED: 'orange', ANSWERED: 'blue', CLOSED: 'default' };

/** SUP-3/SUP-4: where a notice stands, and 逾期 when still unanswered after its due day. */
export function NoticeStatusTag({ notice, t }: { readonly notice: Pick<Notice, 'status' | 'overdue'>; readonly t: T }) {
  return (
    <>
      <Tag color={STATUS_COLOR[notice.status]}>{t(`notice.status.${notice.status}`)}</Tag>
      {notice.overdue && <Tag color="red">{t('notice.overdue')}</Tag>}
    </>
  );
}

/** The item a notice is about, in words: `服务：忻达煤业 · 2026-01-05`. */
export const noticeSubjectText = (notice: Pick<Notice, 'subject'>, t: T): string => `${t(`notice.kind.${notice.subject.kind}`)}：${notice.subject.label}`;

/** The issuing agency in words. */
export const agencyText = (agency: Notice['issuedBy']['agency'], t: T): string => t(`notice.agency.${agency}`);
