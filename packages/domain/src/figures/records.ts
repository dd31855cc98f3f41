import type { Gender, Outcome } from '../participant';
import type { IsoDate, Month } from '../period';
import type { CountedRound } from '../survey/figures';
import type { ParticipationSpan } from './people';

/**
 * The least of each record the engine reads: what the figures job projects from the store. Catalogue
 * references (`kind`, `type`, `orderType`) are catalogue ids, which never change.
 */
export type ParticipationRecord = ParticipationSpan & {
  birthYear: number;
  gender?: Gender | undefined;
  outcome?: Outcome | undefined;
};

export type EntryRecord = { date: IsoDate; kind: string; count: number; participantId?: string | undefined };

export type MeasureRecord = {
  participantId: string;
  type: string;
  startDate: IsoDate;
  endDate?: IsoDate | undefined;
};

/** Hours served, with the type and the person of the order they were served on. */
export type HoursRecord = { date: IsoDate; orderType: string; participantId: string; hours: number };

/** A volunteer's time at the centre: from the start to the end, if any. */
export type VolunteerRecord = { id: string; startDate: IsoDate; endDate?: IsoDate | undefined };

/** Hours a volunteer gave on a day, in an arena (a catalogue id). */
export type VolunteerHoursRecord = { date: IsoDate; volunteerId: string; arena: string; hours: number };

export type PositionRecord = {
  id: string;
  startDate: IsoDate;
  endDate?: IsoDate | undefined;
  percent: number;
  substitute: boolean;
};

/** Kilograms the second-hand shop sold in a month. */
export type ShopMonthRecord = { month: Month; kilograms: number };

/** A year's income from one source (a catalogue id), in whole kroner. */
export type IncomeRecord = { year: number; source: string; amount: number };

/** The centre's own registers: volunteers and their hours, staff positions, the shop, the economy. */
export type RegisterRecords = {
  volunteers: readonly VolunteerRecord[];
  volunteerHours: readonly VolunteerHoursRecord[];
  positions: readonly PositionRecord[];
  shopMonths: readonly ShopMonthRecord[];
  income: readonly IncomeRecord[];
};

/** A centre that keeps none of the registers (yet). */
export const noRegisterRecords: RegisterRecords = {
  volunteers: [],
  volunteerHours: [],
  positions: [],
  shopMonths: [],
  income: [],
};

/**
 * A wheel conversation as the figures count it: who, when, and where the participant placed themselves
 * on each domain, on the scale it was given on.
 */
export type ConversationRecord = {
  id: string;
  date: IsoDate;
  participantId: string;
  scale: { min: number; max: number };
  positions: Readonly<Record<string, number>>;
};

export type CentreRecords = RegisterRecords & {
  participations: readonly ParticipationRecord[];
  entries: readonly EntryRecord[];
  measures: readonly MeasureRecord[];
  hours: readonly HoursRecord[];
  conversations: readonly ConversationRecord[];
  /** The centre's closed survey rounds of the year counted (see survey/figures.ts). */
  rounds?: readonly CountedRound[];
};
