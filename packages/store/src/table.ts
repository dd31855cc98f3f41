/**
 * The single table, defined once: the CDK data construct and the local runtime both build it from this.
 * Plain data, no AWS imports, so infra and the embedded runtime can read it alike.
 */
export const table = {
  defaultName: 'crux',
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Epoch seconds; DynamoDB deletes expired idempotency records. */
  ttlAttribute: 'expiresAt',
  indexes: [
    {
      /** Participations by end date (open ones last): a period's active participants are one range. */
      name: 'GSI1',
      partitionKey: 'GSI1PK',
      sortKey: 'GSI1SK',
    },
    {
      /**
       * Sparse, what the jobs sweep: stale markers (centre-months, changed participants) under `DIRTY`,
       * and the access log under `LOG#<month>` (keys.ts).
       */
      name: 'GSI2',
      partitionKey: 'GSI2PK',
      sortKey: 'GSI2SK',
    },
  ],
} as const;

export type TableDefinition = typeof table;
