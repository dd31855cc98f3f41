import type { CatalogueSettings } from '../catalogue/schema';
import { startingCatalogue } from '../catalogue/starting';
import type { IsoDate } from '../period';

/** How long personal data is kept: a foundation setting, in the catalogue's settings. */
export type Retention = { participantYears: number; accessLogYears: number };

const shipped = startingCatalogue.settings;

/** The settings' retention, with the shipped defaults where a catalogue stored before them has none. */
export function retentionOf(settings: CatalogueSettings): Retention {
  return {
    participantYears: settings.participantRetentionYears ?? shipped.participantRetentionYears ?? 5,
    accessLogYears: settings.accessLogRetentionYears ?? shipped.accessLogRetentionYears ?? 10,
  };
}

/** The same calendar day `years` earlier; 29 February falls on 1 March. */
export function yearsBefore(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y - years, m - 1, d)).toISOString().slice(0, 10);
}

/**
 * A participation that ended before this day is past retention on `today`: five years means the day
 * five years after the end has passed.
 */
export const participantCutoff = (today: IsoDate, years: number): IsoDate => yearsBefore(today, years);

/** Access-log entries of UTC days before this one are past retention at `now`. */
export const accessLogCutoff = (now: Date, years: number): IsoDate =>
  yearsBefore(now.toISOString().slice(0, 10), years);
