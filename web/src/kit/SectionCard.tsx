import { Card, Typography, type CardProps } from 'antd';
import type { ReactNode } from 'react';

/**
 * A section's heading inside a page (an h2 sized for a card), so screen readers can move section by section.
 * @example <Card size="small" title={<SectionTitle>{t('policy.section.terms')}</SectionTitle>}>…</Card>
 */
export const SectionTitle = ({ children }: { readonly children: ReactNode }) => (
  <Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>
    {children}
  </Typography.Title>
);

/**
 * A small card headed by a {@link SectionTitle}: one section of a form or a detail page.
 * @example <SectionCard title={t('policy.section.rating')}>…</SectionCard>
 */
export function SectionCard({ title, children, ...props }: Omit<CardProps, 'title' | 'size'> & { readonly title: ReactNode }) {
  return (
    <Card size="small" title={<SectionTitle>{title}</SectionTitle>} {...props}>
      {children}
    </Card>
  );
}
