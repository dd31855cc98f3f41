import * as z from 'zod/mini';
import { Slug } from './catalogue/ids';
import type { Catalogue } from './catalogue/lists';
import { fail, ok, type Result } from './errors';
import * as rules from './rules';
import { fieldError } from './validation';

/**
 * A centre's own choices: which activity kinds its *I dag* shows, in its order (the kinds a centre does
 * not register daily are left out, but any kind in use can still be registered), and whether its
 * participants may sign in to their own plans (off unless the leader turns it on: a write without it
 * turns it off). Set by the leader.
 */
export const CentreSettingsUpdate = z.strictObject({
  todayKinds: z.array(Slug).check(z.minLength(1), z.maxLength(40)),
  participantSignIn: z.optional(z.boolean()),
  version: z.int().check(z.gte(0)),
});
export type CentreSettingsUpdate = z.infer<typeof CentreSettingsUpdate>;

export type CentreSettings = {
  todayKinds: string[];
  participantSignIn: boolean;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
};

/** Until a leader chooses, *I dag* shows the two kinds every centre registers daily. */
export const defaultCentreSettings: CentreSettings = {
  todayKinds: ['visit', 'contact_point'],
  participantSignIn: false,
  version: 0,
};

/** Each kind named once: checked before the write, since it needs no catalogue. */
export function checkTodayKindsOnce(update: CentreSettingsUpdate): Result<CentreSettingsUpdate> {
  const seen = new Set<string>();
  for (const [i, id] of update.todayKinds.entries()) {
    if (seen.has(id)) return fail(fieldError(`todayKinds.${i}`, rules.duplicateId));
    seen.add(id);
  }
  return ok(update);
}

/** The kinds must be in the catalogue, in use and registered on *I dag* (not counted from the plans), each named once. */
export function checkCentreSettings(
  catalogue: Catalogue,
  update: CentreSettingsUpdate,
): Result<CentreSettingsUpdate> {
  const inUse = new Set(
    catalogue.activityKinds.filter((k) => k.status === 'active' && !k.registration).map((k) => k.id),
  );
  for (const [i, id] of update.todayKinds.entries()) {
    if (!inUse.has(id)) return fail(fieldError(`todayKinds.${i}`, rules.unknownType));
  }
  return checkTodayKindsOnce(update);
}
