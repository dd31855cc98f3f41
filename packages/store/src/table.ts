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
      /** Overloaded, sparse: open and recently ended participations by end date, and dirty centre-months. */
      name: 'GSI1',
      partitionKey: 'GSI1PK',
      sortKey: 'GSI1SK',
    },
  ],
} as const;

export type TableDefinition = typeof table;
