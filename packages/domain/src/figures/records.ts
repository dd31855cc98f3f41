import type { Gender, Outcome } from '../participant';
import type { IsoDate } from '../period';
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

export type CentreRecords = {
  participations: readonly ParticipationRecord[];
  entries: readonly EntryRecord[];
  measures: readonly MeasureRecord[];
  hours: readonly HoursRecord[];
  conversations: readonly ConversationRecord[];
  /** The centre's closed survey rounds of the year counted (see survey/figures.ts). */
  rounds?: readonly CountedRound[];
};
