import type { Highs } from 'highs';
import { isBase } from '../figures/definition';
import type { Relation } from '../figures/relations';
import type { CellKey, PublicationInput, PublishedCell } from './types';
import { SMALL_MAX, TOTAL } from './types';

/**
 * The tests' attacker, written apart from the audit on purpose (its own reading of the rules, its own
 * LP text, HiGHS's one-shot API): from what the network sees, every relation the figures state and — if
 * given — one centre's true row, it computes each hidden cell's minimum and maximum and reports the cells
 * it pins (one whole value left) or narrows to a single value of 1–4. A stored figure the network is not
 * shown is an unknown to it, as a hidden cell without a label.
 */
export type Finding = CellKey & { insider: string | null; truth: number; min: number; max: number };

type Term = [string, number];

export function attack(
  input: PublicationInput,
  published: readonly PublishedCell[],
  highs: Highs,
  insider: string | null,
  perPerson = { min: 0.25, max: 8784 },
): Finding[] {
  const { set } = input;
  const name = (c: string, y: number, f: string) => `${c}|${y}|${f}`;
  const shown = new Map(published.map((p) => [name(p.centre, p.year, p.figure), p.shown]));
  const stored = set.figures.filter(isBase).map((f) => f.id);
  const truth = new Map<string, number>();
  for (const y of input.years) {
    for (const f of stored) {
      let sum = 0;
      for (const row of input.rows.filter((r) => r.year === y)) {
        const v = row.figures[f] ?? 0;
        truth.set(name(row.centre, y, f), v);
        sum += v;
      }
      truth.set(name(TOTAL, y, f), sum);
    }
  }
  const vars = new Map<string, string>();
  const bounds: string[] = [];
  const term = (c: string, y: number, f: string, coef: number): Term | number => {
    const key = name(c, y, f);
    const p = shown.get(key);
    if (typeof p === 'number') return coef * p;
    if (c === insider) return coef * (truth.get(key) ?? 0);
    let v = vars.get(key);
    if (!v) {
      v = `x${vars.size}`;
      vars.set(key, v);
      const count = set.byId.get(f)?.disclosure.kind === 'count';
      const why = p === undefined || p === null ? undefined : p.suppressed;
      if (count && why === 'small') bounds.push(`1 <= ${v} <= ${SMALL_MAX}`);
      else if (count && why === 'secondary') bounds.push(`${v} >= ${SMALL_MAX + 1}`);
      else bounds.push(`${v} >= 0`);
    }
    return [v, coef];
  };
  const rows: string[] = [];
  const row = (parts: (Term | number)[], op: '<=' | '=' | '>=', rhs: number) => {
    const terms = parts.filter((p): p is Term => typeof p !== 'number');
    const constant = parts.reduce<number>((s, p) => s + (typeof p === 'number' ? p : 0), 0);
    if (terms.length === 0) return;
    const lhs = terms.map(([v, c]) => `${c >= 0 ? '+' : '-'} ${Math.abs(c)} ${v}`).join(' ');
    rows.push(`r${rows.length}: ${lhs} ${op} ${rhs - constant}`);
  };
  const relations = new Map<string, Relation>();
  for (const f of set.figures) for (const r of f.relations) relations.set(JSON.stringify(r), r);
  const counted = new Set(input.rows.map((r) => `${r.centre}|${r.year}`));
  const years = [...input.years].sort((a, b) => a - b);
  years.forEach((y, yi) => {
    const prev = years[yi - 1] === y - 1 ? y - 1 : undefined;
    for (const f of stored)
      row([...input.centres.map((c) => term(c, y, f, 1)), term(TOTAL, y, f, -1)], '=', 0);
    for (const rel of relations.values()) {
      for (const c of [...input.centres, TOTAL]) {
        if (rel.kind === 'rounded') {
          // Shown rounded half up: v − ½ ≤ scale · numerator / denominator < v + ½.
          const v = shown.get(name(c, y, rel.value));
          if (typeof v !== 'number') continue;
          row([term(c, y, rel.numerator, rel.scale), term(c, y, rel.denominator, -(v + 0.5))], '<=', 0);
          row([term(c, y, rel.numerator, rel.scale), term(c, y, rel.denominator, -(v - 0.5))], '>=', 0);
        }
        if (rel.kind === 'scaled') {
          // Shown rounded half up to `decimals`: (v − ½u) · divisor ≤ of ≤ (v + ½u) · divisor.
          const v = shown.get(name(c, y, rel.value));
          const half = 0.5 * 10 ** -rel.decimals;
          if (typeof v !== 'number') continue;
          row([term(c, y, rel.of, 1)], '<=', (v + half) * rel.divisor);
          row([term(c, y, rel.of, 1)], '>=', (v - half) * rel.divisor);
        }
        if (c === TOTAL) continue;
        if (rel.kind === 'atMost') row([term(c, y, rel.smaller, 1), term(c, y, rel.larger, -1)], '<=', 0);
        if (rel.kind === 'partsOf')
          row([...rel.parts.map((p) => term(c, y, p, 1)), term(c, y, rel.whole, -1)], '=', 0);
        if (rel.kind === 'partsAtMost')
          row([...rel.parts.map((p) => term(c, y, p, 1)), term(c, y, rel.whole, -1)], '<=', 0);
        if (rel.kind === 'tiedTo') {
          const per = rel.perPerson ?? perPerson;
          row([term(c, y, rel.sum, 1), term(c, y, rel.persons, -per.min)], '>=', 0);
          row([term(c, y, rel.sum, 1), term(c, y, rel.persons, -per.max)], '<=', 0);
        }
        if (prev === undefined || !counted.has(`${c}|${y}`) || !counted.has(`${c}|${prev}`)) continue;
        if (rel.kind === 'carriedOver')
          row(
            [term(c, y, rel.active, 1), term(c, y, rel.started, -1), term(c, prev, rel.active, -1)],
            '<=',
            0,
          );
        if (rel.kind === 'flow') {
          const ended = rel.ended.map((e) => term(c, prev, e, 1));
          row(
            [term(c, y, rel.active, 1), term(c, y, rel.started, -1), term(c, prev, rel.active, -1), ...ended],
            '=',
            0,
          );
        }
      }
    }
  });
  const findings: Finding[] = [];
  if (vars.size === 0) return findings;
  // One model, every bound asked of it in turn; presolve off, as it calls an unbounded maximum "infeasible".
  const first = vars.values().next().value as string;
  const lp = ['Maximize', ` obj: 0 ${first}`, 'Subject To', ...rows, 'Bounds', ...bounds, 'End'].join('\n');
  const model = highs.createModel({ format: 'lp', data: lp });
  model.options.set({ output_flag: false, presolve: 'off' });
  const sense = highs.constants.objectiveSense;
  try {
    for (const [key, v] of vars) {
      const [centre = '', year = '', figure = ''] = key.split('|');
      const label = shown.get(key);
      // Stored figures the network is not shown are unknowns, not cells it reads; the total is no
      // insider's target (it is every centre's).
      if (label === undefined || (insider !== null && centre === TOTAL)) continue;
      const col = model.getColByName(v);
      model.changeColCost(col, 1);
      const extreme = (direction: number) => {
        model.changeObjectiveSense(direction === 1 ? sense.maximize : sense.minimize);
        model.run();
        let status: number = model.getModelStatus();
        if (status === highs.constants.modelStatus.unknown) {
          model.clearSolver();
          model.run();
          status = model.getModelStatus();
        }
        if (status === highs.constants.modelStatus.unbounded) return Number.POSITIVE_INFINITY;
        if (status !== highs.constants.modelStatus.optimal)
          throw new Error(`attacker: status ${status} for ${key}`);
        return model.getObjectiveValue();
      };
      const min = extreme(-1);
      const max = extreme(1);
      model.changeColCost(col, 0);
      const t = truth.get(key) ?? 0;
      const small = label !== null && typeof label === 'object' && label.suppressed === 'small';
      const lo = Math.ceil(min - 1e-6);
      const hi = Math.floor(max + 1e-6);
      const count = set.byId.get(figure)?.disclosure.kind === 'count';
      const pinned = small
        ? Math.min(hi, SMALL_MAX) - Math.max(lo, 1) < 1
        : count
          ? hi - lo < 1
          : max - min < 1 - 1e-6;
      if (pinned) findings.push({ centre, year: Number(year), figure, insider, truth: t, min, max });
    }
  } finally {
    model.dispose();
  }
  return findings;
}
