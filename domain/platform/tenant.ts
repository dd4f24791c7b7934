/**
 * An insurer on the platform (承保机构): one tenant, isolated from every other (ACL-1). The platform keeps
 * only its profile; everything the insurer does lives under its own key prefix.
 */
export interface Tenant {
  readonly id: string;
  /** Legal name of the city-level branch, e.g. 中国人民财产保险股份有限公司忻州市分公司. */
  readonly name: string;
  /** The branch's 统一社会信用代码. */
  readonly uscc: string;
  /** Short name shown in the console, e.g. 人保财险忻州分公司. */
  readonly branchName: string;
  readonly status: 'ACTIVE' | 'SUSPENDED';
  readonly createdAt: string;
  readonly version: number;
}
