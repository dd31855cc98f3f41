import * as z from 'zod/mini';
import { PlannedDate } from '../period';
import { PageQuery } from '../queries';
import { endNotBeforeStart } from '../records/spans';
import { SingleLine } from '../text-input';

/**
 * The centre's staff positions, kept by its leader: a title, a percentage of a full position, from and
 * to, and whether it is a substitute's. The figures count the positions held on a period's last day,
 * substitutes apart, and their percentages as FTE.
 */
const editable = {
  title: SingleLine(1, 80),
  percent: z.int().check(z.gte(1), z.lte(100)),
  startDate: PlannedDate,
  endDate: z.optional(PlannedDate),
  substitute: z.boolean(),
};

export const PositionCreate = z.strictObject(editable).check(endNotBeforeStart);
export type PositionCreate = z.infer<typeof PositionCreate>;

export const PositionUpdate = z
  .strictObject({ ...editable, version: z.int().check(z.gte(1)) })
  .check(endNotBeforeStart);
export type PositionUpdate = z.infer<typeof PositionUpdate>;

export type Position = PositionCreate & {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
};

export const PositionListQuery = PageQuery;
