import * as z from 'zod/mini';
import type { Gender, Outcome, Participant, ReferralSource } from '../participant';
import { type IsoDate, lastDayOf, monthOf } from '../period';
import type { Span } from '../records/spans';

/**
 * What erasure and retention keep of a participant: exactly what the figures count, and nothing that
 * names the person. The figures count a participation by the months and years it was active in, so its
 * dates are kept to the month (a start on the 1st, an end on the last day): a participation active in a
 * month before is active in it after, starts and ends in the same month and year, and so counts in every
 * period exactly as it did. Birth year, gender, referral and outcome are categories the figures count.
 * The name, the record's own times and every id go: the participant, its measures and its orders get
 * new ids, so nothing kept can be matched to an id the person, or anyone, was ever shown.
 */
export type AnonymousSpan = Pick<Span, 'type' | 'startDate' | 'endDate' | 'id' | 'version'>;

export type AnonymousParticipant = {
  id: string;
  anonymous: true;
  version: number;
  birthYear: number;
  gender?: Gender;
  referralSource: ReferralSource;
  startDate: IsoDate;
  endDate?: IsoDate;
  outcome?: Outcome;
  measures: Record<string, AnonymousSpan>;
  orders: Record<string, AnonymousSpan>;
};

/** New ids for the participant and each of its spans, old → new, so records that point at them follow. */
export type NewIds = { participant: string; spans: Record<string, string> };

const monthStart = (date: IsoDate): IsoDate => `${monthOf(date)}-01`;
const monthEnd = (date: IsoDate): IsoDate => lastDayOf(monthOf(date));

function span(s: Span, id: string): AnonymousSpan {
  return {
    id,
    type: s.type,
    version: s.version,
    startDate: monthStart(s.startDate),
    ...(s.endDate ? { endDate: monthEnd(s.endDate) } : {}),
  };
}

/** The ids an anonymous copy of `p` takes, each made by `fresh`. */
export function newIdsFor(p: Pick<Participant, 'measures' | 'orders'>, fresh: () => string): NewIds {
  const spans = [...Object.keys(p.measures ?? {}), ...Object.keys(p.orders ?? {})];
  return { participant: fresh(), spans: Object.fromEntries(spans.map((id) => [id, fresh()])) };
}

export function anonymousParticipant(p: Participant, ids: NewIds): AnonymousParticipant {
  const spans = (map: Record<string, Span> | undefined) =>
    Object.fromEntries(
      Object.entries(map ?? {}).map(([old, s]) => {
        const id = ids.spans[old] ?? old;
        return [id, span(s, id)];
      }),
    );
  return {
    id: ids.participant,
    anonymous: true,
    version: p.version + 1,
    birthYear: p.birthYear,
    ...(p.gender ? { gender: p.gender } : {}),
    referralSource: p.referralSource,
    startDate: monthStart(p.startDate),
    ...(p.endDate ? { endDate: monthEnd(p.endDate) } : {}),
    ...(p.outcome ? { outcome: p.outcome } : {}),
    measures: spans(p.measures),
    orders: spans(p.orders),
  };
}

/** The leader's erasure of a participant, made against the version shown (a later edit is a conflict). */
export const ErasureRequest = z.strictObject({ version: z.int().check(z.gte(1)) });
export type ErasureRequest = z.infer<typeof ErasureRequest>;
