/**
 * The one description of anze's DynamoDB tables. The CDK data stack and the local runtime both build
 * their tables from this module, so the deployed table and the one on a laptop cannot drift apart.
 *
 * Plain data only: no AWS SDK and no CDK import, so either side can read it.
 */

export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N';
}

export interface IndexDefinition {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
}

export interface TableDefinition {
  /** Logical name; the physical name comes from the environment (`ANZE_TABLE`) at run time. */
  readonly logicalName: string;
  readonly defaultPhysicalName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly globalIndexes: readonly IndexDefinition[];
  readonly timeToLiveAttribute: string;
  /** The main table feeds the outbox relay; the idempotency table needs no stream. */
  readonly stream: 'NEW_IMAGE' | 'NONE';
}

/**
 * The main single table. Tenant items are `PK = T#<tenantId>#<ENTITY>#<id>`, regulator-owned items `R#…`,
 * platform items `P#…` (see keys.ts, the only place keys are built).
 *
 * - GSI1: listings inside one owner (`T#<tenantId>#USER` → users by creation), platform lists (`P#TENANT`).
 * - GSI2: the due-date index: an item awaiting something by a date carries `T#<tenantId>#<ENTITY>-DUE` /
 *   `<dueOn>#<id>`, removed once done — sparse, so reading what is due costs what is due.
 * - GSI3: an enterprise's own view across insurers (ACL-5): `ENT#<uscc>#<ENTITY>` / `<id>`.
 * - GSI4: regulators' cross-tenant views (ACL-2/4): `REG#<ENTITY>#<county>` / `…`, one partition per county, so
 *   IAM holds a county EMB's session to its own partition and the city EMB reads them county by county (issue 21).
 */
export const MAIN_TABLE: TableDefinition = {
  logicalName: 'Main',
  defaultPhysicalName: 'anze-main',
  partitionKey: { name: 'PK', type: 'S' },
  sortKey: { name: 'SK', type: 'S' },
  globalIndexes: [
    {
      indexName: 'GSI1',
      partitionKey: { name: 'GSI1PK', type: 'S' },
      sortKey: { name: 'GSI1SK', type: 'S' },
    },
    {
      indexName: 'GSI2',
      partitionKey: { name: 'GSI2PK', type: 'S' },
      sortKey: { name: 'GSI2SK', type: 'S' },
    },
    {
      indexName: 'GSI3',
      partitionKey: { name: 'GSI3PK', type: 'S' },
      sortKey: { name: 'GSI3SK', type: 'S' },
    },
    {
      indexName: 'GSI4',
      partitionKey: { name: 'GSI4PK', type: 'S' },
      sortKey: { name: 'GSI4SK', type: 'S' },
    },
  ],
  timeToLiveAttribute: 'expiresAt',
  stream: 'NEW_IMAGE',
};

/**
 * Powertools idempotency records. A table of its own (TOOLCHAIN.md): its keys are hashes that cannot carry
 * the tenant prefix the main table's IAM condition demands, so the tenant goes into the hashed key instead.
 */
export const IDEMPOTENCY_TABLE: TableDefinition = {
  logicalName: 'Idempotency',
  defaultPhysicalName: 'anze-idempotency',
  partitionKey: { name: 'id', type: 'S' },
  globalIndexes: [],
  timeToLiveAttribute: 'expiration',
  stream: 'NONE',
};

export const TABLES = [MAIN_TABLE, IDEMPOTENCY_TABLE] as const;
