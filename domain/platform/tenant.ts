import * as z from 'zod/mini';

export const TENANT_STATUSES = ['ACTIVE', 'SUSPENDED'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

/**
 * An insurer on the platform (承保机构): one tenant, isolated from every other (ACL-1). The platform keeps
 * only its profile; everything the insurer does lives under its own key prefix. The schema is the type and
 * the API's response at once.
 */
export const tenantSchema = z.object({
  id: z.string().check(z.meta({ description: 'The tenant id; every key of this insurer starts with it' })),
  name: z.string().check(z.meta({ description: 'Legal name of the city-level branch, e.g. 中国人民财产保险股份有限公司忻州市分公司' })),
  uscc: z.string().check(z.meta({ description: "The branch's 统一社会信用代码; one insurer per USCC on the platform" })),
  branchName: z.string().check(z.meta({ description: 'Short name shown in the console, e.g. 人保财险忻州分公司' })),
  status: z.enum(TENANT_STATUSES),
  statusReason: z.optional(z.string().check(z.meta({ description: "The operator's reason for the last suspension or resumption" }))),
  statusChangedAt: z.optional(z.string().check(z.meta({ description: 'When the status last changed (ISO 8601, UTC)' }))),
  createdAt: z.string().check(z.meta({ description: 'When the insurer was onboarded (ISO 8601, UTC)' })),
  version: z.number(),
});

export type Tenant = Readonly<z.output<typeof tenantSchema>>;
