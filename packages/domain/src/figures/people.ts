import { peopleSections } from '../catalogue/sections';
import { outcomes } from '../participant-lists';
import type { IsoDate, Period } from '../period';
import type { Text } from '../text';
import type { FigureDefinition, FigureGroup, GenderGroup, TableLine } from './definition';
import type { FigureId } from './relations';

/** What the figures need of a participation: who, and when it started and ended. */
export type ParticipationSpan = { id: string; startDate: IsoDate; endDate?: IsoDate | undefined };

/** Started on or before the period's last day, and still open or ended on or after its first day. */
export function isActiveIn(p: ParticipationSpan, period: Period): boolean {
  return p.startDate <= period.last && (p.endDate === undefined || p.endDate >= period.first);
}

export function startedIn(p: ParticipationSpan, period: Period): boolean {
  return p.startDate >= period.first && p.startDate <= period.last;
}

export function endedIn(p: ParticipationSpan, period: Period): boolean {
  return p.endDate !== undefined && p.endDate >= period.first && p.endDate <= period.last;
}

export const participantsId = 'participants';
export const newId = 'participants.new';
export const ageSumId = 'participants.age_sum';
export const meanAgeId = 'participants.mean_age';
export const genderGroups: readonly GenderGroup[] = ['woman', 'man', 'other'];
export const genderId = (g: GenderGroup): FigureId => `participants.${g}`;
export const genderShareId = (g: GenderGroup): FigureId => `participants.${g}.share`;
export const outcomeId = (o: string): FigureId => `outcome.${o}`;

/** A gender's share as the table shows it, and its count as stored. */
const genderLabels: Record<GenderGroup, { share: Text; count: Text }> = {
  woman: { share: { nb: 'Kvinner', en: 'Women' }, count: { nb: 'Antall kvinner', en: 'Number of women' } },
  man: { share: { nb: 'Menn', en: 'Men' }, count: { nb: 'Antall menn', en: 'Number of men' } },
  other: {
    share: { nb: 'Annet kjønn eller ikke oppgitt', en: 'Other gender or not stated' },
    count: { nb: 'Antall med annet kjønn eller ikke oppgitt', en: 'Number of other gender or not stated' },
  },
};

/** As *Fakta og tall* names them under "Går videre til". */
const outcomeLabels: Record<(typeof outcomes)[number], Text> = {
  stable_life: { nb: 'Stabilt liv', en: 'Stable life' },
  treatment: { nb: 'Behandling', en: 'Treatment' },
  other_nav_measure: { nb: 'Andre tiltak i NAV', en: 'Other NAV measures' },
  other: { nb: 'Annet', en: 'Other' },
};

const count = { kind: 'count' } as const;
const ofParticipants = { kind: 'ratio', base: participantsId } as const;

/**
 * The figures the engine counts from the participations themselves, in the sections the catalogue
 * reserves for them. Gender counts and the age sum are stored for the mean and the shares, not shown.
 */
export function peopleFigures(): FigureGroup {
  const [section, outcomesSection] = peopleSections;
  const figures: FigureDefinition[] = [
    {
      id: participantsId,
      section,
      order: 10,
      label: { nb: 'Antall deltakere totalt', en: 'Participants in total' },
      valueType: 'participants',
      aggregation: 'distinct',
      disclosure: count,
      relations: [
        { kind: 'partsOf', whole: participantsId, parts: genderGroups.map(genderId) },
        { kind: 'partsAtMost', whole: participantsId, parts: outcomes.map(outcomeId) },
      ],
      rule: { from: 'participations', count: 'active' },
    },
    {
      id: newId,
      section,
      order: 20,
      label: { nb: 'Antall nye deltakere', en: 'New participants' },
      valueType: 'participants',
      aggregation: 'sum',
      disclosure: count,
      relations: [
        { kind: 'atMost', smaller: newId, larger: participantsId },
        { kind: 'carriedOver', active: participantsId, started: newId },
        { kind: 'flow', active: participantsId, started: newId, ended: outcomes.map(outcomeId) },
      ],
      rule: { from: 'participations', count: 'started' },
    },
    {
      id: ageSumId,
      section,
      order: 30,
      label: { nb: 'Sum av alder', en: 'Sum of ages' },
      valueType: 'years',
      aggregation: 'distinct',
      disclosure: { kind: 'tiedSum', persons: participantsId },
      relations: [],
      rule: { from: 'participations', count: 'ageSum' },
    },
    {
      id: meanAgeId,
      section,
      order: 30,
      label: { nb: 'Gjennomsnittsalder', en: 'Mean age' },
      valueType: 'years',
      aggregation: 'distinct',
      disclosure: ofParticipants,
      relations: [
        { kind: 'rounded', value: meanAgeId, numerator: ageSumId, denominator: participantsId, scale: 1 },
      ],
      rule: { from: 'figures', derive: 'mean', sum: ageSumId, over: participantsId },
    },
    ...genderGroups.flatMap((g, i): FigureDefinition[] => [
      {
        id: genderId(g),
        section,
        order: 40 + i,
        label: genderLabels[g].count,
        valueType: 'participants',
        aggregation: 'distinct',
        disclosure: count,
        relations: [],
        rule: { from: 'participations', count: 'gender', gender: g },
      },
      {
        id: genderShareId(g),
        section,
        order: 40 + i,
        label: genderLabels[g].share,
        valueType: 'percent',
        aggregation: 'distinct',
        disclosure: ofParticipants,
        relations: [
          {
            kind: 'rounded',
            value: genderShareId(g),
            numerator: genderId(g),
            denominator: participantsId,
            scale: 100,
          },
        ],
        rule: { from: 'figures', derive: 'share', part: genderId(g), whole: participantsId },
      },
    ]),
    ...outcomes.map(
      (o, i): FigureDefinition => ({
        id: outcomeId(o),
        section: outcomesSection,
        order: 10 * (i + 1),
        label: outcomeLabels[o],
        valueType: 'participants',
        aggregation: 'sum',
        disclosure: count,
        relations: [],
        rule: { from: 'participations', count: 'ended', outcome: o },
      }),
    ),
  ];
  const shown = [
    participantsId,
    newId,
    meanAgeId,
    ...genderGroups.map(genderShareId),
    ...outcomes.map(outcomeId),
  ];
  const lines = shown.map((id): TableLine => {
    const f = figures.find((d) => d.id === id) as FigureDefinition;
    return { id, section: f.section, order: f.order, label: f.label, figures: [id], retired: false };
  });
  return { figures, lines };
}
