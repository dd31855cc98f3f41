import * as z from 'zod/mini';
import { Slug } from '../catalogue/ids';
import type { Catalogue } from '../catalogue/lists';
import { fail, ok, type Result } from '../errors';
import * as rules from '../rules';
import { fieldError, raise, validationError } from '../validation';

/**
 * A centre's income of a year by source (the sources are the foundation's catalogue list), in whole
 * kroner, kept by its leader: a save holds the year's every amount. The turnover is their sum. A year
 * may name a source retired since (its history stays counted); a source that is not in the catalogue
 * is refused.
 */
export const IncomeUpdate = z.strictObject({
  amounts: z
    .record(Slug, z.int().check(z.gte(0), z.lte(1_000_000_000)))
    .check(z.refine((a) => Object.keys(a).length <= 40, { ...raise(rules.amountsCount) })),
  /** 0 for a year with nothing registered yet. */
  version: z.int().check(z.gte(0)),
});
export type IncomeUpdate = z.infer<typeof IncomeUpdate>;

export type Income = {
  year: number;
  amounts: Record<string, number>;
  version: number;
  updatedAt?: string;
  updatedBy?: string;
};

export const emptyIncome = (year: number): Income => ({ year, amounts: {}, version: 0 });

/** The sources a save names: each in the catalogue (in use, or retired since). */
export function checkIncome(catalogue: Catalogue, update: IncomeUpdate): Result<IncomeUpdate> {
  const known = new Set(catalogue.incomeSources.map((s) => s.id));
  const fields = Object.keys(update.amounts).flatMap((source) =>
    known.has(source) ? [] : (fieldError(`amounts.${source}`, rules.unknownType).fields ?? []),
  );
  return fields.length ? fail(validationError(fields)) : ok(update);
}

/** The amounts as stored: a source with 0 is left out. */
export const amountsOf = (update: IncomeUpdate) =>
  Object.fromEntries(Object.entries(update.amounts).filter(([, amount]) => amount > 0));
