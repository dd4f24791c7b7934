import { Forbidden } from '../../../domain/kernel/errors.js';
import { ImportRejected } from '../../../domain/register/import-rejected.js';
import { countiesMovedBy } from '../../../domain/register/register-entry.rules.js';
import {
  completeRegisterImport,
  failRegisterImport,
  planRegisterImport,
  startRegisterImport,
} from '../../../domain/register/register-import.js';
import { registerRowsOf, validateRegisterFile } from '../../../domain/register/register-row.js';
import type { NumberedRegisterInput } from '../../../domain/register/register-row.js';
import { registerImportBody, registerImportResultSchema } from '../../../domain/register/register-import.schema.js';
import { callerOf, defineRoute } from '../../middleware/route.js';
import { registerFilesContext } from './files-composition-root.js';
import { actorOf } from './register-actor.js';
import { REGISTER_WRITE } from '../../../domain/identity/access.js';

/**
 * REG-1: a bulk upload of the register (企业底数) — the 5,000 enterprises of a city, or a county's share —
 * as CSV (UTF-8) or XLSX (first sheet), with the columns of domain/register/register-columns.ts — the
 * Chinese headers and labels the template and the register's export use (issue 15), or the code keys and codes.
 *
 * Primary course:
 * 1. Read the file and its header.
 * 2. Validate every row, purely: UW-2, SCOPE-1, SCOPE-4, SCOPE-5, a USCC twice in the file (REG-1), and for a
 *    county EMB a row of another county (ACL-4). Any problem refuses the whole file — `IMPORT_REJECTED`
 *    listing every problem with its row, field (the column key) and rule, its message in Chinese naming row,
 *    Chinese header and rule (register-import-messages.ts; 403 when a row breaks ACL-4, else 400) — before
 *    anything is read or written.
 * 3. Read the current entries of the file's USCCs (consistent BatchGetItem, 100 keys a call) and plan each
 *    row: created, updated (with the version read) or unchanged. A county EMB's row over an enterprise
 *    registered in another county is refused the same way, still with nothing written.
 * 4. Write the import record, RUNNING.
 * 5. Write the changes in TransactWriteItems of at most 100 items: ~99 entries and the registered counters
 *    (county × industry) they move, as `ADD` deltas.
 * 6. Complete the record, DONE with its counts, together with the import's one
 *    `register.enterprise.registered` event; answer the counts.
 *
 * Why transactions of entries with their counters, not BatchWriteItem of 25:
 * - **Counters never disagree with entries.** UW-11 reads the counters (one Query per county), so they must
 *   equal the entries. BatchWriteItem can only Put; the counters would be a second step, and a failure
 *   between the two — throttling past the retries, the function timing out — would leave counts wrong with
 *   no record of which entries were counted. In a transaction an entry is never written without its count.
 * - **No blind overwrite.** Each entry is written on the condition that it is still the version read in
 *   step 3. A transaction that meets a concurrent edit (or a second import of the same file) fails whole;
 *   its USCCs are read and planned again and the transaction retried (at most 3 times, then 409).
 * - **Cost.** A transactional write costs 2 write units per KB instead of 1: ~10,300 units for 5,000 new
 *   entries of well under 1 KB against ~5,200 — about a cent either way at on-demand prices. In calls it is
 *   the cheaper design: ~53 TransactWriteItems instead of 200 BatchWriteItem (plus their retries of
 *   UnprocessedItems and the counter writes), and calls are what bound an import's time inside the API's
 *   30 s. Counter deltas are `ADD`s: never read, never a hot read-modify-write.
 * - **Re-running converges.** Entries are keyed by USCC; a row already as stated is `unchanged` and not
 *   written at all, so importing the same file again costs its reads and the two writes of its record.
 * - **Nothing half-imported by a bad file**: validation (2, 3) precedes every write. A failure *during* step
 *   5 leaves the transactions committed so far — each a set of complete, counted entries — and the record
 *   FAILED (or RUNNING, if the function died); importing the same file again completes the rest.
 *
 * Events: one per import, with its counts and the counties whose counters moved — not one per entry. 5,000
 * entry events would be 5,000 more outbox items (halving the entries per transaction) and 5,000 bus events,
 * while their consumer, the coverage gap, recomputes per county anyway. A single entry written through
 * `POST /regulator/enterprises` has its own event of the same type.
 */
export const importEnterprises = defineRoute({
  method: 'POST',
  path: '/api/v1/regulator/enterprise-imports',
  access: REGISTER_WRITE,
  summary: 'Import the enterprise register from a CSV or XLSX file: every row valid, or nothing written (REG-1)',
  tags: ['regulator'],
  body: registerImportBody,
  response: registerImportResultSchema,
  successStatus: 201,
  async handle(input) {
    const caller = callerOf(input, 'regulator');
    const actor = actorOf(caller);
    const { register, files, clock, newId } = registerFilesContext();

    const { format, records } = await files.read(input.body.fileName, Buffer.from(input.body.contentBase64, 'base64'));
    const table = registerRowsOf(records);
    if (table.problems.length > 0) throw new ImportRejected(table.problems);
    const { inputs, problems } = validateRegisterFile(table.rows, actor);
    if (problems.length > 0) throw new ImportRejected(problems);

    const now = clock.now();
    const plan = planRegisterImport(inputs, await register.getMany(inputs.map((row) => row.input.uscc)), actor, now);
    if (plan.problems.length > 0) throw new ImportRejected(plan.problems);

    const record = startRegisterImport({
      id: newId(now),
      fileName: input.body.fileName,
      format,
      rows: inputs.length,
      actor,
      byUser: caller.userId,
      now,
    });
    await register.startImport(record);

    const rowOf = new Map(inputs.map((row) => [row.input.uscc, row]));
    const replan = async (usccs: readonly string[]) => {
      const rows = usccs.map((uscc) => rowOf.get(uscc)).filter((row): row is NumberedRegisterInput => row !== undefined);
      const again = planRegisterImport(rows, await register.getMany(usccs), actor, clock.now());
      // Someone moved one of these enterprises into another county while the import ran.
      const outside = again.problems[0];
      if (outside !== undefined) throw new Forbidden(outside.message);
      return again.changes;
    };
    try {
      const applied = await register.applyImport(plan.changes, replan);
      const { state: done, events } = completeRegisterImport(
        record,
        { ...applied, unchanged: inputs.length - applied.created - applied.updated },
        countiesMovedBy(plan.changes),
        clock.now(),
      );
      await register.finishImport(done, events);
      return {
        body: { importId: done.id, imported: done.rows, created: done.created, updated: done.updated, unchanged: done.unchanged },
      };
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      // Best effort: the record says FAILED when the function can still say so; the original error is the answer.
      const failed = failRegisterImport(record, failure.slice(0, 1000), clock.now());
      await register.finishImport(failed.state, failed.events).catch(() => undefined);
      throw error;
    }
  },
});
