import { INSURER } from '../../../domain/identity/access.js';
import { NotFound } from '../../../domain/kernel/errors.js';
import { retryRequested } from '../../../domain/sync/sync-record.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { syncRoot } from './composition-root.js';
import { syncRecordParams, syncRecordSchema, syncRecordView } from './schemas.js';

/**
 * SYNC-1: the insurer sends one of its records again now — a rejected one, one retrying, or one sent without an
 * answer. The record becomes PENDING with its `sync.record.pending` event, which the sync worker sends; an
 * accepted or already pending record answers 409.
 */
export const retrySyncRecord = defineRoute({
  method: 'POST',
  path: '/api/v1/sync/records/{recordId}/retry',
  access: INSURER,
  summary: 'Send a record to the provincial platform again now (SYNC-1)',
  tags: ['sync'],
  params: syncRecordParams,
  response: syncRecordSchema,
  async handle(input) {
    const { tenantId } = callerOf(input, 'insurer');
    const { forTenant, clock } = syncRoot();
    const records = await forTenant(tenantId);
    const record = await records.get(tenantId, input.params.recordId);
    if (!record) throw new NotFound('sync record');
    const change = retryRequested(record, clock.now());
    await records.save(change, record);
    return { body: syncRecordView(change.state) };
  },
});
