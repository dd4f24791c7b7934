import * as z from 'zod/mini';
import { feeYearSchema } from '../../../domain/fees/year-ledger.schema.js';
import { localDateSchema } from '../../../domain/kernel/calendar/local-date.js';

/** `GET /regulator/overview?year=`: left out, the current Asia/Shanghai year. */
export const overviewQuery = z.object({ year: z.optional(feeYearSchema) });

const timeliness = z.object({
  due: z.int().check(z.meta({ description: 'Fell due in the year' })),
  onTime: z.int(),
  late: z.int().check(z.meta({ description: 'Done after the due date' })),
  overdue: z.int().check(z.meta({ description: 'Past due today and not done' })),
}).check(z.meta({ id: 'Timeliness' }));

const figures = {
  inForce: z.int().check(z.meta({ description: 'UW-11: mandatory-industry (SCOPE-2) policies in force on asOf' })),
  // inForce ÷ the register's mandatory-industry enterprises in scope; null with none registered.
  coverageShareBasisPoints: z.nullable(z.int()),
  obligations: z.object({
    required: z.int().check(z.meta({ description: 'SVC-1/SVC-2 services owed that fall due in the year' })),
    done: z.int().check(z.meta({ description: 'Of those, done in time (archived, performed inside the window)' })),
    overdue: z.int().check(z.meta({ description: 'Still owed past their due date' })),
  }).check(z.meta({ id: 'ObligationFigures' })),
  // SVC-8 follow-ups and SVC-9 archives.
  followUps: timeliness,
  archives: timeliness,
  // CMP-2..4, CMP-8 replies and CMP-6 escalations.
  complaints: z.object({ ...timeliness.shape, escalated: z.int() }).check(z.meta({ id: 'ComplaintTimeliness' })),
  // SVC-7: major hazards not verified today (in the current year's overview), and those past their rectification date.
  majorHazards: z.object({ open: z.int(), overdue: z.int() }).check(z.meta({ id: 'MajorHazardFigures' })),
  // CLM-1: registered in the year; decided and declined in it; payouts made in it (fen).
  claims: z.object({ registered: z.int(), decided: z.int(), declined: z.int(), paidFen: z.int() }).check(z.meta({ id: 'ClaimFigures' })),
};

const feeFigures = z.object({
  premiumExTaxFen: z.int(),
  accruedFen: z.int(),
  spentFen: z.int(),
  floorBasisPoints: z.int().check(z.meta({ description: 'FEE-4 (15% in the 2024 rule set)' })),
  ceilingBasisPoints: z.int().check(z.meta({ description: 'FEE-5 (21%)' })),
  ratioBasisPoints: z.nullable(z.int().check(z.meta({ description: 'spent ÷ premium ex-tax' }))),
  shortfallFen: z.int().check(z.meta({ description: 'FEE-4: still to spend to reach the floor' })),
  aboveCeiling: z.boolean(),
});

export const overviewAnswer = z.object({
  year: z.int(),
  asOf: localDateSchema.check(z.meta({ description: 'The day coverage is counted on: today, or December 31 of a past year' })),
  county: z.nullable(z.string().check(z.meta({ description: "ACL-4: a county EMB's county; null for the city-wide view" }))),
  ranking: z.string().check(z.meta({ description: 'How `insurers` is ordered, most behind first' })),
  totals: z.object({ ...figures, registered: z.int().check(z.meta({ description: 'REG-1: mandatory-industry enterprises on the register' })) }),
  insurers: z.array(
    z.object({
      tenantId: z.string(),
      name: z.string(),
      branchName: z.string(),
      rank: z.int().check(z.meta({ description: '1 = the most behind' })),
      behind: z.object({ overdue: z.int(), late: z.int() }),
      ...figures,
      fees: z.nullable(feeFigures).check(z.meta({ description: 'FEE-4/FEE-5; null for a county EMB (the ledger has no county, ACL-4)' })),
    }),
  ),
  counties: z.array(
    z.object({
      county: z.string().check(z.meta({ description: 'SCOPE-5 area code; NONE for complaints whose county is unknown' })),
      name: z.string(),
      registered: z.int(),
      ...figures,
    }),
  ),
});
