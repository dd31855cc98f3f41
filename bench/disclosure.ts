import { loadavg } from 'node:os';
import { highsSolver } from '@crux/domain/disclosure/highs-solver';
import { publishNetwork } from '@crux/domain/disclosure/network';
import type { LpSolver } from '@crux/domain/disclosure/solver';
import { syntheticPublication } from '@crux/domain/disclosure/synthetic';
import loadHighs from 'highs';
import { type Figure, progress, round } from './measure';

/**
 * Issue 10, item 6: protecting and auditing the network's whole set — every year, every line of the
 * starting catalogue, every total, insiders included — for 2, 20 and 200 centres × 10 years, on one
 * core, through the adapter the figures job calls. The job runs on one Lambda (15 minutes at most) and
 * must also recount and write: the disclosure control may take a minute at 20 centres and half the
 * Lambda's limit at 200. The machine is shared: CPU time and the load average are reported beside the
 * wall time.
 */
const YEARS = 10;
const BUDGET_S: Record<number, number> = { 2: 60, 20: 60, 200: 450 };
/** The bench stops a size after this long (the protection is one synchronous call: the solver says stop). */
const STOP_S = 900;

class Stopped extends Error {}

function stopping(solver: LpSolver, seconds: number): LpSolver {
  const end = performance.now() + seconds * 1000;
  return {
    open(program) {
      const model = solver.open(program);
      return {
        setColBounds: (cols, lower, upper) => model.setColBounds(cols, lower, upper),
        setColCost: (cols, cost) => model.setColCost(cols, cost),
        dispose: () => model.dispose(),
        maximize() {
          if (performance.now() > end) throw new Stopped();
          return model.maximize();
        },
      };
    },
  };
}

type Run = {
  centres: number;
  lines: number;
  seconds: number;
  cpuSeconds: number;
  load: number;
  lps: number;
  rounds: number;
  cells: number;
  share: number;
  stopped: boolean;
};

export async function benchDisclosure(sizes = [2, 20, 200]): Promise<Figure[]> {
  const loadStart = performance.now();
  const solver = highsSolver(await loadHighs());
  const loadMs = performance.now() - loadStart;
  const runs: Run[] = [];
  for (const centres of sizes) {
    const input = syntheticPublication({ centres, years: YEARS, seed: 2026, lines: 'full' });
    const lines = input.set.lines.length;
    progress(`disclosure: protecting ${centres} centres × ${YEARS} years × ${lines} lines`);
    const start = performance.now();
    const cpu = process.cpuUsage();
    const load = loadavg()[0] ?? 0;
    try {
      const p = publishNetwork(input.set, input.rows, [], stopping(solver, STOP_S));
      const seconds = (performance.now() - start) / 1000;
      const used = process.cpuUsage(cpu);
      if (p.unprotected.length > 0) throw new Error(`bench: ${p.unprotected.length} cells left unprotected`);
      const run = {
        centres,
        lines,
        seconds,
        cpuSeconds: (used.user + used.system) / 1e6,
        load: (load + (loadavg()[0] ?? 0)) / 2,
        lps: p.work.lps,
        rounds: p.work.rounds,
        cells: p.cost.cells,
        share: p.cost.share,
        stopped: false,
      };
      runs.push(run);
      progress(
        `disclosure: ${centres} centres in ${round(seconds, 1)} s (CPU ${round(run.cpuSeconds, 1)} s, load ${round(run.load, 1)}), ${p.work.lps} LPs, ${p.work.rounds} rounds`,
      );
    } catch (e) {
      if (!(e instanceof Stopped)) throw e;
      const cells = (centres + 1) * YEARS * input.set.figures.length;
      runs.push({
        centres,
        lines,
        seconds: STOP_S,
        cpuSeconds: Number.NaN,
        load,
        lps: Number.NaN,
        rounds: Number.NaN,
        cells,
        share: Number.NaN,
        stopped: true,
      });
      progress(`disclosure: ${centres} centres stopped after ${STOP_S} s`);
    }
  }
  return runs.map((r, i) => {
    const before = runs[i - 1];
    const budget = BUDGET_S[r.centres] ?? 60;
    return {
      id: `disclosure-${r.centres}`,
      label: `Network disclosure control, ${r.centres} centres × ${YEARS} years × ${r.lines} lines (protect + exact audit, insiders included)`,
      value: r.stopped ? `> ${STOP_S}` : round(r.seconds, 1),
      unit: 's',
      target: `≤ ${budget} s`,
      pass: !r.stopped && r.seconds <= budget,
      detail: {
        cpuSeconds: round(r.cpuSeconds, 1),
        loadAverage: round(r.load, 1),
        cells: r.cells,
        lps: r.lps,
        rounds: r.rounds,
        hiddenBeyondSmall: `${round(100 * r.share, 1)} %`,
        growth: before
          ? `×${round(r.seconds / before.seconds, 1)} (CPU ×${round(r.cpuSeconds / before.cpuSeconds, 1)}) for ×${r.centres / before.centres} centres`
          : '—',
        solverLoadMs: round(loadMs, 0),
      },
    };
  });
}
