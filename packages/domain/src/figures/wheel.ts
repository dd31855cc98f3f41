import type { CatalogueWheelDomain } from '../catalogue/schema';
import type { Period } from '../period';
import type { FigureDefinition, FigureGroup, TableLine } from './definition';
import { participantsId } from './people';
import type { ConversationRecord } from './records';
import type { FigureId } from './relations';

/**
 * Change across a service (issue 12): per wheel domain and year, the participants who moved up, stayed
 * or moved down on it between the first and the last conversation of the year that placed them on it,
 * as they see it themselves (the participant owns the plan). A participant placed on a domain in fewer
 * than two conversations of the year is in none of the three. Positions are compared as shares of their
 * own scale, so a change of the catalogue's scale never reads as a move.
 */
export const changeDirections = ['up', 'same', 'down'] as const;
export type ChangeDirection = (typeof changeDirections)[number];

export const wheelSection = 'wheel';
export const wheelLineId = (domain: string) => `wheel.${domain}`;
export const wheelChangeId = (domain: string, direction: ChangeDirection): FigureId =>
  `wheel.${domain}.${direction}`;

const directionLabels: Record<ChangeDirection, { nb: string; en: string }> = {
  up: { nb: 'bedre', en: 'moved up' },
  same: { nb: 'uendret', en: 'stayed' },
  down: { nb: 'dårligere', en: 'moved down' },
};

/** A domain's three figures, shown together on its line: "Bolig, bedre/uendret/dårligere". */
export function wheelFigures(domain: CatalogueWheelDomain): FigureGroup {
  const ids = changeDirections.map((d) => wheelChangeId(domain.id, d));
  const figures = changeDirections.map(
    (direction, i): FigureDefinition => ({
      id: wheelChangeId(domain.id, direction),
      section: wheelSection,
      order: domain.order,
      label: {
        nb: `${domain.name.nb}: ${directionLabels[direction].nb}`,
        en: `${domain.name.en}: ${directionLabels[direction].en}`,
      },
      valueType: 'participants',
      aggregation: 'distinct',
      disclosure: { kind: 'count' },
      relations: [
        { kind: 'atMost', smaller: wheelChangeId(domain.id, direction), larger: participantsId },
        // Each participant is in at most one of the three, and was active in the year of the conversations.
        ...(i === 0 ? [{ kind: 'partsAtMost' as const, whole: participantsId, parts: ids }] : []),
      ],
      rule: { from: 'conversations', domain: domain.id, direction },
      yearOnly: true,
    }),
  );
  const line: TableLine = {
    id: wheelLineId(domain.id),
    section: wheelSection,
    order: domain.order,
    label: {
      nb: `${domain.name.nb}: bedre/uendret/dårligere`,
      en: `${domain.name.en}: moved up/stayed/moved down`,
    },
    figures: ids,
    retired: domain.status === 'retired',
  };
  return { figures, lines: [line] };
}

export type ChangeCounts = Record<ChangeDirection, number>;

const EPSILON = 1e-9;
const share = (value: number, scale: { min: number; max: number }) =>
  (value - scale.min) / (scale.max - scale.min);

/**
 * Per domain, how many participants moved up, stayed and moved down between the first and last
 * conversation dated in the period that placed them on the domain. Conversations of one day are taken
 * in id order, so the same records always give the same counts.
 */
export function wheelChange(
  period: Period,
  conversations: readonly ConversationRecord[],
): Map<string, ChangeCounts> {
  const byPerson = new Map<string, ConversationRecord[]>();
  for (const c of conversations) {
    if (c.date < period.first || c.date > period.last) continue;
    byPerson.set(c.participantId, [...(byPerson.get(c.participantId) ?? []), c]);
  }
  const out = new Map<string, ChangeCounts>();
  for (const list of byPerson.values()) {
    list.sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1));
    const placed = new Map<string, number[]>();
    for (const c of list)
      for (const [domain, value] of Object.entries(c.positions))
        placed.set(domain, [...(placed.get(domain) ?? []), share(value, c.scale)]);
    for (const [domain, shares] of placed) {
      if (shares.length < 2) continue;
      const moved = (shares.at(-1) ?? 0) - (shares[0] ?? 0);
      const direction: ChangeDirection = moved > EPSILON ? 'up' : moved < -EPSILON ? 'down' : 'same';
      const counts = out.get(domain) ?? { up: 0, same: 0, down: 0 };
      counts[direction] += 1;
      out.set(domain, counts);
    }
  }
  return out;
}
