import type { Month } from '@crux/domain/period';
import { centreKeys } from './keys';
import type { TenantScope } from './tenant-scope';
import type { TransactItem } from './transact';

/**
 * Marks a centre-month's activity figures stale, inside the same transaction as the write that made them
 * stale: the figures job recomputes only marked months, and no write can be missed. `seq` lets the job
 * delete the marker only if nothing was written after it read it.
 */
export function markMonthDirty(scope: TenantScope, table: string, month: Month): TransactItem {
  const { PK, SK, GSI2PK, GSI2SK } = centreKeys.dirtyMonth(scope, month);
  return {
    Update: {
      TableName: table,
      Key: { PK, SK },
      UpdateExpression: 'SET GSI2PK = :g, GSI2SK = :gs, #month = :month ADD seq :one',
      ExpressionAttributeNames: { '#month': 'month' },
      ExpressionAttributeValues: { ':g': GSI2PK, ':gs': GSI2SK, ':month': month, ':one': 1 },
    },
  };
}
