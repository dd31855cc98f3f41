/**
 * What a year of a centre's registers must count to: its volunteers (active, new, hours), the staff
 * positions held at the year's end (percentages, substitutes apart), and its income by source. A year
 * not published is drawn around the centre's baseline.
 */
export type RegisterTargets = {
  year: number;
  volunteers: { active: number; new: number; hours: number };
  positions: readonly number[];
  substitutes: readonly number[];
  /** Income by source; absent when the year's economy is not known. */
  income?: Readonly<Record<string, number>>;
};

/** A centre's registers in its demo: the published years, and what later years are drawn around. */
export type RegisterProfile = {
  published: readonly RegisterTargets[];
  baseline: {
    volunteers: { new: number; hoursEach: number; endedShare: number };
    /** Volunteers carried into the first year when it is not published. */
    carriedIntoFirstYear: number;
    positions: readonly number[];
    substitutes: readonly number[];
    income: Readonly<Record<string, number>>;
    /** Kilograms the shop sells in an ordinary month. */
    shopKilograms: number;
  };
  /** The volunteer the demo's volunteer account is linked to. */
  account: { name: string; subject: string };
};

/**
 * Øvre Eiker's *Fakta og tall 2024 (2023 i parentes)* for its registers: volunteers 23 (17), new 6 (4),
 * hours 3 401 (2 090), staff 5 + 1 substitute (the same), FTE 4 (4) — 100 + 100 + 100 + 50 + 50 % —
 * and the economy of 2024 (2023's is not in the report). The 17 volunteers of 2023 all stay into 2024
 * (23 − 6 = 17).
 */
const ovreEikerStaff = { positions: [100, 100, 100, 50, 50], substitutes: [40] };

export const ovreEikerRegisters: readonly RegisterTargets[] = [
  { year: 2023, volunteers: { active: 17, new: 4, hours: 2090 }, ...ovreEikerStaff },
  {
    year: 2024,
    volunteers: { active: 23, new: 6, hours: 3401 },
    ...ovreEikerStaff,
    income: {
      helsedirektoratet: 1_050_000,
      kriminalomsorgsdirektoratet: 50_000,
      municipal_operating: 865_000,
      municipal_project: 350_000,
      other_grants: 177_000,
      sales: 1_448_000,
      gifts: 112_000,
      other_income: 323_000,
    },
  },
];

/** The 2024 turnover the report publishes: the sum of the sources above. */
export const ovreEikerTurnover2024 = 4_375_000;
