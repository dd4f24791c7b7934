import { formatFen, formatInstant } from '../i18n/format';
import { useI18n } from '../i18n/useI18n';

/** Integer fen shown in yuan: `1,234.56 元`. Right-align its column (`align: 'right'`). */
export function Money({ fen }: { readonly fen: number | null | undefined }) {
  const { t } = useI18n();
  if (fen === null || fen === undefined) return null;
  return <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatFen(fen, t('money.unit'))}</span>;
}

/** An ISO instant shown in Asia/Shanghai as `YYYY-MM-DD HH:mm`, machine-readable in `dateTime`. */
export function DateTime({ value }: { readonly value: string | null | undefined }) {
  if (!value) return null;
  return <time dateTime={value}>{formatInstant(value)}</time>;
}

/** Fen as a plain decimal yuan string for exports (`123456` → `1234.56`): spreadsheets read it as a number. */
export function fenToYuanDecimal(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isSafeInteger(fen)) return '';
  return formatFen(fen, '').replace(/,/g, '');
}
