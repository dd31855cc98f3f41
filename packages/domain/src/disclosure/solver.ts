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
  rows: readonly LpRow[];
};

export type LpResult =
  | { status: 'optimal'; x: Float64Array }
  | { status: 'unbounded' }
  | { status: 'infeasible' };

/** One program kept in the solver, changed and solved again (a warm start where the solver has one). */
export interface LpModel {
  setColBounds(col: number, lower: number, upper: number): void;
  setRowBounds(row: number, lower: number, upper: number): void;
  /** Maximise Σ objective[col]·x[col]; columns left out cost 0. */
  maximize(objective: ReadonlyMap<number, number>): LpResult;
  dispose(): void;
}

export interface LpSolver {
  open(program: LinearProgram): LpModel;
}
