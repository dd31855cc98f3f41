import type { Highs } from 'highs';
import type { LinearProgram, LpModel, LpResult, LpSolver } from './solver';

/**
 * The audit's solver on HiGHS (npm `highs` 1.15.3, WebAssembly). The caller loads HiGHS, so nothing here
 * touches a file or the network: tests and the bench call `await loadHighs()`, which reads `highs.wasm`
 * beside the package; a bundled Lambda ships `highs.wasm` itself and passes
 * `{ instantiateWasm: (imports, done) => void WebAssembly.instantiate(module, imports).then(done) }`
 * (this build ignores `wasmBinary` and `wasmModule` and reads the file; `instantiateWasm` reads nothing).
 */
export function highsSolver(highs: Highs): LpSolver {
  const inf = highs.infinity;
  const bound = (v: number) =>
    v === Number.POSITIVE_INFINITY ? inf : v === Number.NEGATIVE_INFINITY ? -inf : v;
  return {
    open(program: LinearProgram): LpModel {
      const numCols = program.colLower.length;
      const starts = [0];
      const indices: number[] = [];
      const values: number[] = [];
      for (const row of program.rows) {
        indices.push(...row.indices);
        values.push(...row.values);
        starts.push(indices.length);
      }
      const model = highs.createModel({
        numCols,
        numRows: program.rows.length,
        sense: highs.constants.objectiveSense.maximize,
        colCost: Float64Array.from(program.colCost),
        colLower: program.colLower.map(bound),
        colUpper: program.colUpper.map(bound),
        rowLower: program.rows.map((r) => bound(r.lower)),
        rowUpper: program.rows.map((r) => bound(r.upper)),
        matrix: { format: 'csr', numRows: program.rows.length, numCols, starts, indices, values },
      });
      // Small programs solved again and again: presolve would throw the warm basis away each time.
      model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex' });
      return {
        setColBounds(cols, lower, upper) {
          if (cols.length === 0) return;
          model.changeColsBounds({ kind: 'set', indices: cols }, lower.map(bound), upper.map(bound));
        },
        setColCost(cols, cost) {
          if (cols.length > 0) model.changeColsCost({ kind: 'set', indices: cols }, cost);
        },
        maximize(): LpResult {
          const codes = highs.constants.modelStatus;
          const settled: number[] = [
            codes.optimal,
            codes.unbounded,
            codes.unboundedOrInfeasible,
            codes.infeasible,
          ];
          model.run();
          let status: number = model.getModelStatus();
          if (!settled.includes(status)) {
            // A warm start that ends "unknown" is solved again from scratch.
            model.clearSolver();
            model.run();
            status = model.getModelStatus();
          }
          if (status === codes.optimal) return { status: 'optimal', x: model.getSolution().colValue };
          // The true values are always feasible, so "unbounded or infeasible" is unbounded.
          if (status === codes.unbounded || status === codes.unboundedOrInfeasible)
            return { status: 'unbounded' };
          if (status === codes.infeasible) return { status: 'infeasible' };
          throw new Error(`HiGHS ended with model status ${status}`);
        },
        dispose: () => model.dispose(),
      };
    },
  };
}
