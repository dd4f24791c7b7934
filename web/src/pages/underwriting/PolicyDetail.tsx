import { Card, Col, Descriptions, Empty, Flex, Row, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { AppliedFactor, Endorsement, Policy } from '../../api';
import { useI18n } from '../../i18n';
import { DateTime, labelledTable, Money } from '../../kit';
import { EnterpriseDescription } from './EnterpriseCard';
import { PolicyStatusTag } from './PolicyStatusTag';
import { boundsText, factorText, percentText, rateText } from './rates';
import { SectionTitle } from '../../kit/SectionCard';
import { ruleSetName } from '../../kit/rule-set-name';


interface PolicyDetailProps {
  readonly policy: Policy;
  readonly today: string;
  /** The reader's tenant, to mark its own share; absent for an enterprise. */
  readonly tenantId?: string;
  /** The insurer's name when the reader deals with several (the enterprise). */
  readonly insurer?: ReactNode;
  /** What the reader can do (side column); none for read-only readers. */
  readonly actions?: ReactNode;
  /** Co-insurers' names by tenant id, shown instead of the id (issue 15); the id stays in the tooltip. */
  readonly memberName?: (tenantId: string) => string | undefined;
}

/**
 * One policy for any reader: the terms, the enterprise as the register described it at issue (REG-1), the
 * amounts in 元 and the premium with and without VAT (UW-5), the applied rating factors within their filed
 * bounds (UW-7), the co-insurers' shares (UW-6), other safety insurance (UW-10), endorsements and the
 * cancellation. Each section has an h2 for screen-reader navigation.
 */
export function PolicyDetail({ policy, today, tenantId, insurer, actions, memberName }: PolicyDetailProps) {
  const { t } = useI18n();
  const factors = policy.rating.factors;
  const factorRows: { key: string; name: string; applied: string; bounds: string }[] = [
    { key: 'base', name: t('policy.baseRate'), applied: rateText(policy.rating.baseRatePpm), bounds: t('policy.filedProduct', { number: policy.rating.filingNumber }) },
    ...([
      ['accidentRecord', t('uw.factor.accidentRecord'), factors.accidentRecord],
      ['standardisation', `${t('uw.factor.standardisation')}（${t(`uw.grade.${factors.standardisation.grade}`)}）`, factors.standardisation],
      ['penalties', t('uw.factor.penalties'), factors.penalties],
      ['riskLevel', t('uw.factor.riskLevel'), factors.riskLevel],
    ] as const).map(([key, name, factor]: readonly [string, string, AppliedFactor]) => ({
      key,
      name,
      applied: factorText(factor.basisPoints),
      bounds: boundsText(factor),
    })),
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={actions ? 16 : 24}>
        <Flex vertical gap={16}>
          <Card size="small" title={<SectionTitle>{t('policy.section.terms')}</SectionTitle>}>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'number', label: t('policy.number'), children: <Typography.Text copyable>{policy.policyNumber}</Typography.Text> },
                { key: 'status', label: t('policy.status'), children: <PolicyStatusTag policy={policy} today={today} /> },
                ...(insurer === undefined ? [] : [{ key: 'insurer', label: t('policy.insurer'), children: insurer }]),
                { key: 'period', label: t('policy.period'), children: `${policy.periodStart} ~ ${policy.periodEnd}` },
                { key: 'mode', label: t('policy.mode'), children: t(`policy.mode.${policy.mode}`) },
                { key: 'employees', label: t('policy.employeesCovered'), children: t('register.staffValue', { staff: policy.employeesCovered }) },
                { key: 'amount', label: t('policy.insuredAmount'), children: <Money fen={policy.perPersonInsuredAmountFen} /> },
                { key: 'death', label: t('policy.deathLimit'), children: <Money fen={policy.perPersonDeathLimitFen} /> },
                { key: 'premium', label: t('policy.premium'), children: <Money fen={policy.premiumFen} /> },
                { key: 'exTax', label: t('policy.premiumExTax'), children: <Money fen={policy.premiumExTaxFen} /> },
                { key: 'vat', label: t('policy.vatRate'), children: percentText(policy.vatRateBasisPoints) },
                { key: 'paidBy', label: t('policy.paidBy'), children: t('policy.paidByEnterprise') },
                { key: 'issuedOn', label: t('policy.issuedOn'), children: policy.issuedOn },
                {
                  key: 'basis',
                  label: t('policy.basis'),
                  children: t('policy.basisValue', {
                    ruleSet: ruleSetName(policy.ruleSetId, t),
                    version: policy.ruleSetVersion,
                    year: policy.qualificationFilingYear,
                    filing: policy.qualificationFilingVersion,
                  }),
                },
              ]}
            />
          </Card>

          <Card size="small" title={<SectionTitle>{t('policy.section.enterprise')}</SectionTitle>}>
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              {t('policy.snapshotHint')}
            </Typography.Paragraph>
            <EnterpriseDescription enterprise={{ ...policy.enterprise, staff: policy.enterprise.employees }} />
          </Card>

          <Card size="small" title={<SectionTitle>{t('policy.section.rating')}</SectionTitle>}>
            <Table
              size="small"
              bordered
              pagination={false}
              rowKey="key"
              dataSource={factorRows}
              components={{ table: labelledTable(t('policy.section.rating')) }}
              columns={[
                { key: 'name', title: t('policy.factor'), dataIndex: 'name' },
                { key: 'applied', title: t('policy.factorApplied'), dataIndex: 'applied', align: 'right', width: 120 },
                { key: 'bounds', title: t('policy.factorBounds'), dataIndex: 'bounds', width: 260 },
              ]}
            />
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              style={{ marginTop: 8 }}
              items={[
                { key: 'base', label: t('policy.basePremium'), children: <Money fen={policy.rating.basePremiumFen} /> },
                { key: 'rated', label: t('policy.ratedPremium'), children: <Money fen={policy.rating.ratedPremiumFen} /> },
                { key: 'days', label: t('policy.ratedDays'), children: t('policy.days', { days: policy.rating.ratedPeriodDays }) },
              ]}
            />
          </Card>

          {policy.mode === 'COINSURANCE' && (
            <Card size="small" title={<SectionTitle>{t('policy.section.members')}</SectionTitle>}>
              <Table
                size="small"
                bordered
                pagination={false}
                rowKey="tenantId"
                dataSource={[...policy.members]}
                components={{ table: labelledTable(t('policy.section.members')) }}
                columns={[
                  {
                    key: 'tenant',
                    title: t('policy.member.tenantId'),
                    render: (_: unknown, member: Policy['members'][number]) => (
                      <>
                        {member.tenantId === tenantId ? (
                          <Tag>{t('policy.member.us')}</Tag>
                        ) : memberName?.(member.tenantId) ? (
                          <span title={member.tenantId}>{memberName(member.tenantId)}</span>
                        ) : (
                          <span style={{ fontFamily: 'monospace' }}>{member.tenantId}</span>
                        )}
                      </>
                    ),
                  },
                  { key: 'share', title: t('policy.member.share'), align: 'right', width: 100, render: (_: unknown, member: Policy['members'][number]) => percentText(member.shareBasisPoints) },
                  {
                    key: 'lead',
                    title: t('policy.member.role'),
                    width: 110,
                    render: (_: unknown, member: Policy['members'][number]) => (member.lead ? <Tag color="blue">{t('policy.member.lead')}</Tag> : t('policy.member.member')),
                  },
                ]}
              />
            </Card>
          )}

          {policy.otherSafetyInsurance.length > 0 && (
            <Card size="small" title={<SectionTitle>{t('policy.section.other')}</SectionTitle>}>
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {policy.otherSafetyInsurance.map((other, index) => (
                  <li key={index}>
                    {t(`policy.other.kind.${other.kind}`)} · {other.insurer}
                    {other.policyNumber ? ` · ${other.policyNumber}` : ''}
                    {other.convertible ? ` · ${t('policy.other.convertible')}` : ''}
                  </li>
                ))}
              </ul>
            </Card>
          )}

          <Card size="small" title={<SectionTitle>{t('policy.section.endorsements')}</SectionTitle>}>
            {policy.endorsements.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('policy.endorsements.none')} />
            ) : (
              <Table
                size="small"
                bordered
                pagination={false}
                rowKey="sequence"
                dataSource={[...policy.endorsements]}
                components={{ table: labelledTable(t('policy.section.endorsements')) }}
                columns={[
                  { key: 'sequence', title: t('policy.endorsement.sequence'), dataIndex: 'sequence', width: 60 },
                  { key: 'effectiveOn', title: t('policy.endorsement.effectiveOn'), dataIndex: 'effectiveOn', width: 110 },
                  { key: 'changes', title: t('policy.endorsement.changes'), render: (_: unknown, endorsement: Endorsement) => <EndorsementChanges endorsement={endorsement} /> },
                  {
                    key: 'delta',
                    title: t('policy.endorsement.premiumDelta'),
                    align: 'right',
                    width: 140,
                    render: (_: unknown, endorsement: Endorsement) => <Money fen={endorsement.premiumDeltaFen} />,
                  },
                  { key: 'reason', title: t('policy.endorsement.reason'), dataIndex: 'reason' },
                  { key: 'recordedAt', title: t('policy.endorsement.recordedAt'), width: 140, render: (_: unknown, endorsement: Endorsement) => <DateTime value={endorsement.recordedAt} /> },
                ]}
              />
            )}
          </Card>

          {policy.cancellation && (
            <Card size="small" title={<SectionTitle>{t('policy.section.cancellation')}</SectionTitle>}>
              <Descriptions
                size="small"
                bordered
                column={1}
                items={[
                  { key: 'on', label: t('policy.cancel.on'), children: policy.cancellation.on },
                  { key: 'reason', label: t('policy.cancel.reason'), children: policy.cancellation.reason },
                  { key: 'at', label: t('policy.endorsement.recordedAt'), children: <DateTime value={policy.cancellation.recordedAt} /> },
                ]}
              />
            </Card>
          )}
        </Flex>
      </Col>
      {actions && (
        <Col xs={24} xl={8}>
          <Card size="small" title={<SectionTitle>{t('policy.section.actions')}</SectionTitle>}>
            <Flex vertical gap={12}>
              {actions}
            </Flex>
          </Card>
        </Col>
      )}
    </Row>
  );
}

function EndorsementChanges({ endorsement }: { readonly endorsement: Endorsement }) {
  const { t } = useI18n();
  const { changes } = endorsement;
  const lines: ReactNode[] = [];
  if (changes.employeesCovered) lines.push(<li key="e">{t('policy.employeesCovered')}：{changes.employeesCovered.from} → {changes.employeesCovered.to}</li>);
  if (changes.perPersonInsuredAmountFen)
    lines.push(
      <li key="a">
        {t('policy.insuredAmount')}：<Money fen={changes.perPersonInsuredAmountFen.from} /> → <Money fen={changes.perPersonInsuredAmountFen.to} />
      </li>,
    );
  if (changes.perPersonDeathLimitFen)
    lines.push(
      <li key="d">
        {t('policy.deathLimit')}：<Money fen={changes.perPersonDeathLimitFen.from} /> → <Money fen={changes.perPersonDeathLimitFen.to} />
      </li>,
    );
  if (changes.periodEnd) lines.push(<li key="p">{t('policy.periodEnd')}：{changes.periodEnd.from} → {changes.periodEnd.to}</li>);
  return <ul style={{ margin: 0, paddingInlineStart: 16 }}>{lines}</ul>;
}
