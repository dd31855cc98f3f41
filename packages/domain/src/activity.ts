import * as z from 'zod/mini';
import { ParticipantId } from './participant';
import { IsoDate } from './period';

/**
 * Kinds of registered activity. The foundation will extend this list (home visits, prison visits…);
 * today the register takes visits and contact points (phone + SMS).
 */
export const activityKinds = ['visit', 'contact_point'] as const;
export const ActivityKind = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const ActivityCreate = z.strictObject({
  date: IsoDate,
  kind: ActivityKind,
  count: z.int().check(z.gte(1), z.lte(500)),
  participantId: z.optional(ParticipantId),
});
export type ActivityCreate = z.infer<typeof ActivityCreate>;

export type ActivityEntry = ActivityCreate & { id: string; createdAt: string; createdBy: string };

/** A date range for listing entries: both ends included, at most about a year apart. */
export const ActivityRange = z
  .strictObject({ from: IsoDate, to: IsoDate })
  .check(z.refine((r) => r.from <= r.to, { message: 'range', path: ['to'] }));
export type ActivityRange = z.infer<typeof ActivityRange>;
