import type { GeoLocation, Hazard, OnSiteRectificationRequest } from '../../api';
import { evidenceRequestOf, type UploadedEvidence } from './evidence-upload';

/** What the insurer's staff type on site for the enterprise's rectification report (SVC-7, SVC-13). */
export interface OnSiteRectificationValues {
  readonly reporterName: string;
  readonly reporterTitle?: string;
  readonly plan?: string;
  readonly dueOn?: string;
  readonly responsiblePerson?: string;
  /** Only asked while the hazard has no plan yet: a hazard with one is captured on site only to report it closed. */
  readonly closed?: boolean;
  readonly closureNote?: string;
}

export interface OnSiteRectificationContext {
  /** The device's evidence for the closure (SVC-13), uploaded before sending. */
  readonly evidence: readonly UploadedEvidence[];
  /** The device's time when the report is sent (SVC-13: `onSite.reportedAt`). */
  readonly now: Date;
  /** Where the device is, when it tells (SVC-13 flags a missing one; it does not refuse it). */
  readonly location?: GeoLocation;
}

export type OnSiteRectificationOutcome =
  | { readonly ok: true; readonly body: OnSiteRectificationRequest }
  | { readonly ok: false; readonly missing: 'evidence' };

/**
 * SVC-7: the enterprise first reports its plan, due date and responsible person; a hazard that has them is
 * captured on site only to be reported closed.
 */
export const needsPlan = (hazard: Pick<Hazard, 'rectification'>): boolean => hazard.rectification === undefined;

/** SVC-7: whether this capture reports the hazard closed. */
export const reportsClosed = (hazard: Pick<Hazard, 'rectification'>, values: Pick<OnSiteRectificationValues, 'closed'>): boolean =>
  !needsPlan(hazard) || values.closed === true;

/**
 * SVC-13: who reported, as the API keeps them — the API has one field for the person, so a title given goes
 * with the name the way the record's signatures print it: `姓名（职务）`.
 */
export const reporterOf = (name: string, title?: string): string => (title?.trim() ? `${name.trim()}（${title.trim()}）` : name.trim());

const trimmed = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);

/**
 * SVC-7, SVC-13: the body of `POST /hazards/{id}/rectification` for a report captured on this device — the plan
 * when the hazard has none, the closure with its evidence when reported closed (the API refuses a closure without
 * evidence, so it is stopped here first), and `onSite`: the reporter, the device's time and position.
 */
export function onSiteRectificationRequest(
  hazard: Pick<Hazard, 'rectification'>,
  values: OnSiteRectificationValues,
  context: OnSiteRectificationContext,
): OnSiteRectificationOutcome {
  const closed = reportsClosed(hazard, values);
  if (closed && context.evidence.length === 0) return { ok: false, missing: 'evidence' };
  const plan = needsPlan(hazard)
    ? { plan: values.plan?.trim() ?? '', dueOn: values.dueOn ?? '', responsiblePerson: values.responsiblePerson?.trim() ?? '' }
    : {};
  const closureNote = closed ? trimmed(values.closureNote) : undefined;
  return {
    ok: true,
    body: {
      ...plan,
      closed,
      ...(closureNote ? { closureNote } : {}),
      ...(closed ? { closureEvidence: context.evidence.map(evidenceRequestOf) } : {}),
      onSite: {
        reporterName: reporterOf(values.reporterName, values.reporterTitle),
        reportedAt: context.now.toISOString(),
        ...(context.location ? { location: context.location } : {}),
      },
    },
  };
}
