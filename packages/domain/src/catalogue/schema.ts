import * as z from 'zod/mini';
import { SingleLine } from '../text-input';
import { Slug } from './ids';

export { engineSections, peopleSections, registerSections, Slug } from './ids';

/**
 * The foundation-wide catalogue of what centres register: data, not code, so the foundation extends it
 * without a deploy. Every list holds entries with a slug id that never changes, names in bokmål and
 * English, and an order; the lists of things registered also name their report section and whether they
 * are in use. A retired entry leaves registration, but what was registered under it stays counted.
 *
 * Adding a list is one entry schema here, one field of `Catalogue`, one row in `catalogueLists`
 * (lists.ts) and in change.ts, its starting entries (starting.ts) and, if the list feeds the figures,
 * its figure definitions beside the others (figures/define.ts).
 */

/** Shown to every centre, the head office and the network: printable text only, as every name is. */
const Name = z.strictObject({ nb: SingleLine(1, 120), en: SingleLine(1, 120) });

/** Where an entry sits in its section; ties are broken by id. Gaps (10, 20, …) leave room to insert. */
const Order = z.int().check(z.gte(0), z.lte(10_000));

export const entryStatuses = ['active', 'retired'] as const;
const Status = z.enum(entryStatuses);

/** A section of *Fakta og tall*: "Deltakere", "Aktivitetstall Oppfølgingssenteret", … */
export const CatalogueSection = z.strictObject({ id: Slug, name: Name, order: Order });
export type CatalogueSection = z.infer<typeof CatalogueSection>;

/** The fields every list of registered things shares. */
const listed = { id: Slug, name: Name, section: Slug, order: Order, status: Status };
export const CatalogueListed = z.strictObject(listed);
export type CatalogueListed = z.infer<typeof CatalogueListed>;

/**
 * What an activity kind's figure counts:
 * - `sum`: the sum of the entries' counts (visits, contact points, food bags);
 * - `persons`: the same sum, of persons who are not named (support to people who are not participants);
 * - `participants`: the distinct participants the entries name (a cabin trip: how many came).
 */
export const countingRules = ['sum', 'persons', 'participants'] as const;
export type CountingRule = (typeof countingRules)[number];

/** Whether an entry of the kind may, must or must not name a participant. */
export const participantRules = ['may', 'must', 'mustNot'] as const;
export type ParticipantRule = (typeof participantRules)[number];

/**
 * Where a kind's entries come from: absent, they are registered on *I dag*; `plan`, the kind counts the
 * wheel conversations recorded on participants' plans (and the entries of it brought in by an import of
 * earlier years), so staff never register one twice and *I dag* neither offers nor accepts it.
 */
export const registrations = ['plan'] as const;
export type Registration = (typeof registrations)[number];

export const CatalogueKind = z.strictObject({
  ...listed,
  counts: z.enum(countingRules),
  participant: z.enum(participantRules),
  registration: z.optional(z.enum(registrations)),
});
export type CatalogueKind = z.infer<typeof CatalogueKind>;

/** Work training and own measures (NAV activity measure, VTO, mentor, …): a participant's, with start and end. */
export const CatalogueMeasureType = CatalogueListed;
export type CatalogueMeasureType = z.infer<typeof CatalogueMeasureType>;

/** Correctional order types (community sentence, fine-serving, electronic monitoring): hours logged by date. */
export const CatalogueOrderType = CatalogueListed;
export type CatalogueOrderType = z.infer<typeof CatalogueOrderType>;

/**
 * Lists whose entries belong to no report section: the engine gives them their place (volunteers' hours
 * by arena, income by source in the economy section, the wheel's domains and a plan's partner types).
 */
const named = { id: Slug, name: Name, order: Order, status: Status };

/** Where volunteers help (the follow-up centre, the shop, maintenance, …): hours are logged by arena. */
export const CatalogueArena = z.strictObject(named);
export type CatalogueArena = z.infer<typeof CatalogueArena>;

/** A source of a centre's income (Helsedirektoratet, sales, gifts, …): the turnover is their sum. */
export const CatalogueIncomeSource = z.strictObject(named);
export type CatalogueIncomeSource = z.infer<typeof CatalogueIncomeSource>;

/** A living-condition domain of *Arbeidshjulet* (housing, work/activity, …): a spoke of every wheel. */
export const CatalogueWheelDomain = z.strictObject(named);
export type CatalogueWheelDomain = z.infer<typeof CatalogueWheelDomain>;

/** Who a plan works with (NAV, the municipality, the GP, treatment, the probation service, family, …). */
export const CataloguePartnerType = CatalogueWheelDomain;
export type CataloguePartnerType = z.infer<typeof CataloguePartnerType>;

/**
 * The wheel's scale: whole steps from `min` to `max`, with the words at its two ends. Every position is
 * stored with the scale it was given on, so a later change of the scale never changes what was recorded.
 */
export const WheelScale = z.strictObject({
  min: z.int().check(z.gte(0), z.lte(1)),
  max: z.int().check(z.gte(4), z.lte(10)),
  low: Name,
  high: Name,
});
export type WheelScale = z.infer<typeof WheelScale>;

/**
 * Foundation settings: hours per FTE turns volunteers' hours into FTE (issue 9); the wheel's scale is
 * the one every plan's positions are given on; how long personal data is kept (issue 11, read through
 * `retentionOf` in retention.ts, which fills in a catalogue stored before these existed).
 */
export const CatalogueSettings = z.strictObject({
  hoursPerFte: z.int().check(z.gte(1000), z.lte(2500)),
  wheelScale: WheelScale,
  /** Whole years after a participation ended before the retention job anonymises the participant. */
  participantRetentionYears: z.optional(z.int().check(z.gte(1), z.lte(30))),
  /** Whole years an access-log entry is kept: never less than Normen's two. */
  accessLogRetentionYears: z.optional(z.int().check(z.gte(2), z.lte(30))),
});
export type CatalogueSettings = z.infer<typeof CatalogueSettings>;

export const CatalogueShape = z.strictObject({
  /** Raised by every change: a change names the version it was made against, so none overwrites another. */
  version: z.int().check(z.gte(1)),
  sections: z.array(CatalogueSection),
  activityKinds: z.array(CatalogueKind),
  measureTypes: z.array(CatalogueMeasureType),
  orderTypes: z.array(CatalogueOrderType),
  wheelDomains: z.array(CatalogueWheelDomain),
  partnerTypes: z.array(CataloguePartnerType),
  settings: CatalogueSettings,
  volunteerArenas: z.array(CatalogueArena),
  incomeSources: z.array(CatalogueIncomeSource),
});
