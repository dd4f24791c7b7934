/** The one time zone of the console: deadlines and instants are shown as they are in Xinzhou. */
export const TIME_ZONE = 'Asia/Shanghai';

const groupedInteger = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0, useGrouping: true });

/**
 * Integer fen → `1,234.56 元` (unit from the catalogue): one money format across the console, the currency
 * said once (issue 15: `¥1,234.56 元` said it twice). Integer arithmetic only: no float rounding.
 * @example formatFen(123456, '元') === '1,234.56 元'; formatFen(-5, '元') === '-0.05 元'
 */
export function formatFen(fen: number, unit: string): string {
  if (!Number.isSafeInteger(fen)) return '—';
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.trunc(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${groupedInteger.format(yuan)}.${cents}${unit ? ` ${unit}` : ''}`;
}

/** A whole count or amount with thousands separators (`12,345`), e.g. 营业收入 in 万元 (issue 15). */
export function formatWhole(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return groupedInteger.format(value);
}

const instantParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * An ISO-8601 instant → `YYYY-MM-DD HH:mm` in Asia/Shanghai, whatever the browser's time zone.
 * A plain calendar date (`YYYY-MM-DD`) is a date in Xinzhou already and is returned unchanged.
 */
export function formatInstant(value: string | undefined | null): string {
  if (!value) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    instantParts.formatToParts(date).find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** Today's date in Asia/Shanghai as `YYYYMMDD-HHmm`, for file names of exports. */
export function fileStamp(now: Date = new Date()): string {
  return formatInstant(now.toISOString()).replace(/-/g, '').replace(' ', '-').replace(':', '');
}
