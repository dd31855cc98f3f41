import { randomUUID } from 'node:crypto';
import type { ActivitiesCreate } from '@crux/domain/activity';
import { MAX_ENTRIES_PER_SAVE } from '@crux/domain/activity';
import { activitiesRepo } from '@crux/store/activities-repo';
import { issueTenantScope } from '@crux/store/tenant-scope';
import { capacityMeter } from './capacity';
import { freshTable, seed } from './figures';
import { progress } from './measure';

/** What one nightly run costs, measured with `centres` centres that each changed one day's worth. */
export type JobCost = {
  centres: number;
  requests: number;
  readUnits: number;
  writeUnits: number;
  durationMs: number;
};

export type CentreVolume = {
  registrationsPerYear: number;
  participantsPerYear: number;
  workingDaysPerYear: number;
};

const NIGHT = new Date('2025-12-15T01:30:00Z');
const kinds = ['visit', 'contact_point'] as const;

/** A working day of 2025 up to the night, the n-th of `days`. */
function dayOf(n: number, days: number): string {
  const d = new Date(Date.UTC(2025, 0, 2) + Math.floor((n / days) * 340) * 86_400_000);
  return d.toISOString().slice(0, 10);
}

/**
 * The nightly job as a centre of the given volume meets it in December (the dearest night: it recounts
 * the whole year): each centre holds the year's participants and registrations, the previous night's
 * run has cleared the markers, and one working day's registrations and a participant are new.
 */
export async function benchJobCost(centreCounts: number[], volume: CentreVolume): Promise<JobCost[]> {
  const s = await seed();
  const { runFiguresJob } = await import('@crux/functions/figures-job/handler');
  const meter = capacityMeter(s.doc);
  const out: JobCost[] = [];
  const now = NIGHT.toISOString();
  const save = async (table: string, centre: string, date: string, count: number) => {
    const repo = activitiesRepo(s.doc, table, issueTenantScope(centre, 'staff', 'bench'));
    for (let left = count; left > 0; left -= MAX_ENTRIES_PER_SAVE) {
      const entries: ActivitiesCreate['entries'] = Array.from(
        { length: Math.min(left, MAX_ENTRIES_PER_SAVE) },
        (_, i) => ({
          kind: kinds[i % kinds.length] as (typeof kinds)[number],
          count: 1,
        }),
      );
      await repo.record({ date, entries }, randomUUID, now, {
        subject: 'bench',
        key: randomUUID(),
        requestHash: 'bench',
      });
    }
  };
  const perDay = Math.ceil(volume.registrationsPerYear / volume.workingDaysPerYear);
  for (const n of centreCounts) {
    progress(`figures job cost: ${n} centre(s) at a year's volume, one new day each`);
    const table = await freshTable();
    for (let c = 0; c < n; c++) {
      const centre = `cost${c}`;
      await s.centre(table, centre);
      for (let i = 0; i < volume.participantsPerYear; i++)
        await s.participant(
          table,
          centre,
          dayOf(i, volume.participantsPerYear),
          i % 3 === 0 ? '2025-11-30' : undefined,
        );
      const days = volume.workingDaysPerYear - 1;
      for (let d = 0; d < days; d++) await save(table, centre, dayOf(d, days), perDay);
    }
    await runFiguresJob({ client: s.doc, tableName: table, now: NIGHT });
    for (let c = 0; c < n; c++) {
      await save(table, `cost${c}`, '2025-12-14', perDay);
      await s.participant(table, `cost${c}`, '2025-12-14');
    }
    meter.reset();
    const run = await runFiguresJob({ client: s.doc, tableName: table, now: NIGHT });
    out.push({
      centres: n,
      requests: run.requests.total,
      readUnits: meter.readUnits(),
      writeUnits: meter.writeUnits(),
      durationMs: run.durationMs,
    });
  }
  return out;
}
