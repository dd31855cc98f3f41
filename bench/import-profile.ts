import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptions } from '../infra/lib/bundling';
import { round } from './measure';

type ProfileNode = {
  id: number;
  callFrame: { url: string; lineNumber: number; functionName: string };
  /** Self-time samples by source line (1-based), when V8 recorded them. */
  positionTicks?: { line: number; ticks: number }[];
};
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** The package (or our own folder) a bundled module came from, from esbuild's `// path` comments. */
function owner(path: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return m ? (m[1] as string) : path.split('/').slice(0, 2).join('/');
}

/** One fresh process that profiles only its import of `file` (the profiler started just before it). */
function profileImport(file: string, out: string): Profile {
  const script = `import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
const s = new Session();
s.connect();
await s.post('Profiler.enable');
await s.post('Profiler.setSamplingInterval', { interval: 200 });
await s.post('Profiler.start');
await import(${JSON.stringify(`file://${file}`)});
const { profile } = await s.post('Profiler.stop');
writeFileSync(${JSON.stringify(out)}, JSON.stringify(profile));`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script]);
  return JSON.parse(readFileSync(out, 'utf8')) as Profile;
}

/** Adds a profile's self time to `add`, by package for the bundle's lines, by V8's own name elsewhere. */
function attribute(
  profile: Profile,
  file: string,
  moduleAt: string[],
  add: (where: string, ms: number) => void,
) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  for (const [id, ms] of selfMs) {
    const node = byId.get(id);
    if (!node?.callFrame.url.endsWith(file)) {
      // Outside the bundle: parsing and compiling it ("(program)"), GC, Node's module loader.
      const name = node?.callFrame.functionName || '(program)';
      add(node?.callFrame.url ? 'node internals' : name.startsWith('(') ? name : `(${name})`, ms);
      continue;
    }
    // The bundle's top level is one function: its samples are split by the line each fell on.
    const ticks = node.positionTicks?.length
      ? node.positionTicks
      : [{ line: node.callFrame.lineNumber + 1, ticks: 1 }];
    const all = ticks.reduce((n, t) => n + t.ticks, 0);
    for (const t of ticks) add(moduleAt[t.line - 1] ?? '(bundle)', (ms * t.ticks) / all);
  }
}

/**
 * Where a cold import's time goes: the entry bundled as we deploy it but not minified (so esbuild's
 * `// node_modules/…` comments mark each module's lines), imported in `runs` fresh processes with V8's
 * sampling profiler running around the import only, and the self time per package averaged, in
 * milliseconds, most first.
 */
export async function importProfile(entry: string, runs = 5): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'crux-import-profile-'));
  const outfile = join(dir, 'entry.mjs');
  await build({ ...esbuildOptions, minify: false, entryPoints: [entry], outfile, logLevel: 'warning' });
  const moduleAt: string[] = [];
  let current = '(bundle)';
  for (const line of readFileSync(outfile, 'utf8').split('\n')) {
    const m = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(line);
    if (m) current = owner(m[1] as string);
    moduleAt.push(current);
  }
  const totals = new Map<string, number>();
  const add = (where: string, ms: number) => totals.set(where, (totals.get(where) ?? 0) + ms / runs);
  for (let run = 0; run < runs; run++) {
    attribute(profileImport(outfile, join(dir, `${run}.cpuprofile`)), 'entry.mjs', moduleAt, add);
  }
  return Object.fromEntries(
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([k, v]) => [k, round(v, 1)]),
  );
}

/**
 * What each module's top level costs when the bundle is evaluated: the entry bundled as above, a
 * timestamp put before each module's code (esbuild emits the modules of an ESM bundle in evaluation
 * order, each after its `// path` comment), imported in `runs` fresh processes. Unlike the sampling
 * profile, this charges a schema built at import to the module that builds it, not to zod: the
 * milliseconds each module's top level took, averaged, most first (packages by name, ours by file).
 */
export async function moduleInitProfile(entry: string, runs = 5): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'crux-module-init-'));
  const outfile = join(dir, 'entry.mjs');
  await build({ ...esbuildOptions, minify: false, entryPoints: [entry], outfile, logLevel: 'warning' });
  const mark = (name: string) => `globalThis.__initMarks.push([${JSON.stringify(name)}, performance.now()]);`;
  const lines = ['globalThis.__initMarks = [];', mark('(bundle)')];
  for (const line of readFileSync(outfile, 'utf8').split('\n')) {
    const m = /^\/\/ (\S+\.[cm]?[jt]s)$/.exec(line);
    if (m) lines.push(mark(/node_modules\//.test(m[1] as string) ? owner(m[1] as string) : (m[1] as string)));
    // The entry's exports close the bundle: the last module's time ends there.
    if (line.startsWith('export {')) lines.push(mark('(end)'));
    lines.push(line);
  }
  const marked = join(dir, 'marked.mjs');
  writeFileSync(marked, lines.join('\n'));
  const script = `await import(${JSON.stringify(`file://${marked}`)}); process.stdout.write(JSON.stringify(globalThis.__initMarks));`;
  const totals = new Map<string, number>();
  for (let run = 0; run < runs; run++) {
    const marks = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    ) as [string, number][];
    marks.slice(0, -1).forEach(([name, at], i) => {
      const next = marks[i + 1]?.[1] ?? at;
      totals.set(name, (totals.get(name) ?? 0) + (next - at) / runs);
    });
  }
  return Object.fromEntries(
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([k, v]) => [k, round(v, 1)]),
  );
}
