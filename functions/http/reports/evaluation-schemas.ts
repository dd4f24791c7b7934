import * as z from 'zod/mini';
import { strictObject } from '../../../domain/kernel/schema-parts.js';
import { EVIDENCE_MAX_PER_ITEM, NARRATIVE_MAX_CHARS } from '../../../domain/reports/self-evaluation.js';
import { idParam } from '../zod.js';

const NARRATIVE_MESSAGE = `RPT-2: narrative is the item's written evaluation, at most ${NARRATIVE_MAX_CHARS} characters`;
const EVIDENCE_MESSAGE = `RPT-2: evidence is up to ${EVIDENCE_MAX_PER_ITEM} ids of the insurer's archived documents (SVC-10)`;

/** RPT-2: `PUT /reports/{reportId}/evaluation` — the insurer's narrative per item and the archive documents it cites. */
export const writeEvaluationBody = strictObject({
  items: z
    .array(
      strictObject({
        code: z.string('RPT-2: code names an item of the form').check(z.minLength(1, 'RPT-2: code names an item of the form'), z.maxLength(32, 'RPT-2: code names an item of the form')),
        narrative: z.string(NARRATIVE_MESSAGE).check(z.maxLength(NARRATIVE_MAX_CHARS, NARRATIVE_MESSAGE)),
        evidence: z._default(z.array(idParam, EVIDENCE_MESSAGE).check(z.maxLength(EVIDENCE_MAX_PER_ITEM, EVIDENCE_MESSAGE)), []),
      }),
      'RPT-2: items is the list of items written',
    )
    .check(z.minLength(1, 'RPT-2: items lists at least one item'), z.maxLength(20, 'RPT-2: items lists each item of the form at most once')),
});

/** RPT-2, REG-2: `PUT /reports/{reportId}/evaluation/third-party` — the uploaded report and its registered organisation. */
export const thirdPartyEvaluationBody = strictObject({
  organisationId: z.string('REG-2: organisationId is the evaluating organisation’s registration id').check(
    z.minLength(1, 'REG-2: organisationId is the evaluating organisation’s registration id'),
    z.maxLength(64, 'REG-2: organisationId is the evaluating organisation’s registration id'),
  ),
  uploadId: idParam,
});
