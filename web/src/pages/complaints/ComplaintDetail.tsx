import { Button, Card, Col, Flex, Popconfirm, Row, Typography } from 'antd';
import { useId, type ReactNode } from 'react';
import type { Complaint } from '../../api';
import { useI18n } from '../../i18n';
import { ComplaintDeadlines } from './ComplaintDeadlines';
import { ComplaintFacts } from './ComplaintFacts';
import { ComplaintTimeline } from './ComplaintTimeline';
import { EscalationView } from './EscalationView';
import { SectionTitle } from '../../kit/SectionCard';


interface ComplaintDetailProps {
  readonly complaint: Complaint;
  readonly today: string;
  /** The insurer's name, for readers who deal with several. */
  readonly insurer?: ReactNode;
  /** The reply section: the reply, the reply form, or a note that there is none yet. */
  readonly reply: ReactNode;
  /** What the reader can do, in the side column; none for read-only readers. */
  readonly actions?: ReactNode;
  /** One column (a drawer) instead of two. */
  readonly narrow?: boolean;
  /** The escalation first (the regulators' reason to look at the complaint). */
  readonly escalationFirst?: boolean;
}

/**
 * A complaint for any reader: the facts, both deadlines with their rules, the reply, the escalation, and
 * (beside them) the actions and the timeline. Each section is headed (h2) for screen-reader navigation.
 */
export function ComplaintDetail({ complaint, today, insurer, reply, actions, narrow = false, escalationFirst = false }: ComplaintDetailProps) {
  const { t } = useI18n();
  const wide = narrow ? 24 : 15;
  const side = narrow ? 24 : 9;
  const escalation = complaint.escalation && (
    <Card size="small" title={<SectionTitle>{t('complaint.section.escalation')}</SectionTitle>}>
      <EscalationView escalation={complaint.escalation} />
    </Card>
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={wide}>
        <Flex vertical gap={16}>
          {escalationFirst && escalation}
          <Card size="small" title={<SectionTitle>{t('complaint.section.facts')}</SectionTitle>}>
            <ComplaintFacts complaint={complaint} insurer={insurer} />
          </Card>
          <Card size="small" title={<SectionTitle>{t('complaint.section.deadlines')}</SectionTitle>}>
            <ComplaintDeadlines complaint={complaint} today={today} />
          </Card>
          <Card size="small" title={<SectionTitle>{t('complaint.section.reply')}</SectionTitle>}>
            {reply}
          </Card>
          {!escalationFirst && escalation}
        </Flex>
      </Col>
      <Col xs={24} xl={side}>
        <Flex vertical gap={16}>
          {actions && (
            <Card size="small" title={<SectionTitle>{t('complaint.section.actions')}</SectionTitle>}>
              <Flex vertical gap={12}>
                {actions}
              </Flex>
            </Card>
          )}
          <Card size="small" title={<SectionTitle>{t('complaint.section.timeline')}</SectionTitle>}>
            <ComplaintTimeline complaint={complaint} />
          </Card>
        </Flex>
      </Col>
    </Row>
  );
}

interface ActionButtonProps {
  readonly label: string;
  /** Why the action is not available now (shown under the disabled button); undefined when it is. */
  readonly unavailable?: string;
  readonly onClick: () => void;
  readonly loading?: boolean;
  /** Asks before acting (Popconfirm) with this question. */
  readonly confirm?: string;
  readonly primary?: boolean;
  readonly danger?: boolean;
}

/** An action on a complaint: disabled with its reason in words when the status does not allow it. */
export function ActionButton({ label, unavailable, onClick, loading, confirm, primary, danger }: ActionButtonProps) {
  const { t } = useI18n();
  const reasonId = useId();
  const button = (
    <Button
      block
      type={primary ? 'primary' : 'default'}
      danger={danger}
      disabled={Boolean(unavailable)}
      loading={loading}
      onClick={confirm ? undefined : onClick}
      aria-describedby={unavailable ? reasonId : undefined}
    >
      {label}
    </Button>
  );
  return (
    <Flex vertical gap={2}>
      {confirm ? (
        <Popconfirm title={confirm} onConfirm={onClick} disabled={Boolean(unavailable)} okText={t('form.submit')} cancelText={t('form.cancel')}>
          {button}
        </Popconfirm>
      ) : (
        button
      )}
      {unavailable && (
        <Typography.Text type="secondary" id={reasonId} style={{ fontSize: 12 }}>
          {unavailable}
        </Typography.Text>
      )}
    </Flex>
  );
}
