import { Tag } from 'antd';
import type { MessageKey } from '../../i18n';
import type { SyncState } from './sync-api';

const COLOURS: Record<SyncState, string> = { PENDING: 'default', SENT: 'processing', ACCEPTED: 'success', REJECTED: 'error', RETRYING: 'warning' };

/** SYNC-1: a record's upload state, coloured by what it asks of the reader (red: the province refused it). */
export function SyncStateTag({ state, t }: { readonly state: SyncState; readonly t: (key: MessageKey) => string }) {
  return <Tag color={COLOURS[state]}>{t(`sync.state.${state}`)}</Tag>;
}
