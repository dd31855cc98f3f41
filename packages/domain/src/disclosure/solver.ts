/**
 * The linear-programming solver the audit needs, injected so the domain stays pure: the solver's
 * WebAssembly is loaded by whoever runs the audit (the figures job, a test, the bench) and handed in.
 * `highs-solver.ts` adapts HiGHS to it.
 */

/** A sparse row: lower ≤ Σ values[i]·x[indices[i]] ≤ upper (±Infinity for no bound). */
export type LpRow = { indices: readonly number[]; values: readonly number[]; lower: number; upper: number };

export type LinearProgram = {
  colLower: readonly number[];
  colUpper: readonly number[];
  /** What each column adds to the objective, which is maximised. */
  colCost: readonly number[];
  rows: readonly LpRow[];
};

export type LpResult =
  | { status: 'optimal'; x: Float64Array }
  | { status: 'unbounded' }
  | { status: 'infeasible' };

/** One program kept in the solver, changed by bounds and costs and solved again from its last basis. */
export interface LpModel {
  /** Bounds of the columns `cols` (strictly increasing), each its own. */
  setColBounds(cols: readonly number[], lower: readonly number[], upper: readonly number[]): void;
  setColCost(cols: readonly number[], cost: readonly number[]): void;
  maximize(): LpResult;
  dispose(): void;
}

export interface LpSolver {
  open(program: LinearProgram): LpModel;
}
