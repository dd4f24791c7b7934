import { DomainError } from '../kernel/errors.js';
import { IMPORT_TEXTS } from './register-import-messages.js';
import type { RowProblem } from './register-row.js';

/**
 * REG-1: a register file refused as a whole, with every problem of every row, so the regulator can fix the
 * file in one pass; nothing of it was written. 403 when a row breaks ACL-4 (a county EMB's file reaches into
 * another county: the caller may not do this import at all), 400 otherwise.
 *
 * @example
 * throw new ImportRejected([{ row: 7, field: 'uscc', message: '第 7 行「统一社会信用代码」：…（UW-2）', rule: 'UW-2' }]);
 */
export class ImportRejected extends DomainError {
  readonly code = 'IMPORT_REJECTED' as const;
  override readonly name = 'ImportRejected';
  readonly details: readonly RowProblem[];
  readonly status: 400 | 403;

  constructor(problems: readonly RowProblem[]) {
    const rows = new Set(problems.map((problem) => problem.row)).size;
    super(IMPORT_TEXTS.refused(problems.length, rows, problems[0]?.message));
    this.details = [...problems];
    this.status = problems.some((problem) => problem.rule === 'ACL-4') ? 403 : 400;
  }
}
