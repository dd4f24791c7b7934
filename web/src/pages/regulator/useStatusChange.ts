import { App } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { newIdempotencyKey } from '../../api/idempotency-key';
import { useI18n } from '../../i18n';
import { describeApiError, useInvalidate } from '../../kit';

export interface StatusChange<Item, Status> {
  /** Reads the register again (its lists and details): after every change, refused or not. */
  readonly reload: () => void;
  /** Sends the change; says so on success, shows the refusal in a dialog, and reloads the table either way. */
  readonly changeStatus: (item: Item, status: Status) => Promise<void>;
}

/**
 * A register's status change (REG-2 organisations, REG-3 experts): `update` with a fresh idempotency key, then
 * `doneText` as a success message or the API's refusal in an error dialog, and the list read again.
 */
export function useStatusChange<Item, Status>(
  update: (item: Item, status: Status, idempotencyKey: string) => Promise<unknown>,
  doneText: (item: Item, status: Status) => string,
): StatusChange<Item, Status> {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const reload = useInvalidate('providers');
  // The latest callbacks, so that inline ones do not make `changeStatus` (and the columns using it) new each render.
  const latest = useRef({ update, doneText });
  useEffect(() => {
    latest.current = { update, doneText };
  });

  const changeStatus = useCallback(
    async (item: Item, status: Status) => {
      try {
        await latest.current.update(item, status, newIdempotencyKey());
        void message.success(latest.current.doneText(item, status));
      } catch (error) {
        modal.error({ title: t('form.error.title'), content: describeApiError(error, t) });
      } finally {
        reload();
      }
    },
    [message, modal, t, reload],
  );
  return { reload, changeStatus };
}
