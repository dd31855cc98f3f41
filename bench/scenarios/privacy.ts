import { as, newParticipant, type Scenario, type ScenarioContext } from './scenario';

/** Today's date in UTC, the access log's days. */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The person's rights (issue 11), each one action of the leader: the centre's access log filtered by a
 * participant, "who has read my record", the export of everything held about one person, and erasure.
 * The participant has been read and changed first, so the log and the export have something in them.
 */
export async function privacyScenarios({ year, base, send }: ScenarioContext): Promise<Scenario[]> {
  const participant = () => newParticipant({ base, send }, `${year}-01-08`);
  const person = await participant();
  const at = `${base}/participants/${person.id}`;
  await send('staff', {
    method: 'POST',
    path: `${at}/measures`,
    body: { type: 'vto', startDate: `${year}-02-01` },
  });
  for (let i = 0; i < 10; i++) await send('staff', { method: 'GET', path: at });
  return [
    as(
      'leader',
      async () => ({
        method: 'GET',
        path: `${base}/access-log`,
        query: { from: today(), to: today(), participantId: person.id },
      }),
      'the log’s page (where a filter skips entries, one query reads up to 2 000 of them, or 1 MB) beside the centre’s participations on their index, to name those it lists (one query for a few hundred participants), then the access-log write that names them',
    ),
    as(
      'leader',
      async () => ({ method: 'GET', path: `${at}/access-log` }),
      'the participant, the foundation’s log retention, the person’s log on its index and the centre’s entries that named several people (one query each), all beside the access-log write',
    ),
    as(
      'leader',
      async () => ({ method: 'GET', path: `${at}/export` }),
      'every record held about the person, the foundation’s log retention, the person’s log on its index and the centre’s entries that named several people (one query each), all beside the access-log write',
    ),
    as(
      'leader',
      async () => ({
        method: 'POST',
        path: `${base}/participants/${(await participant()).id}/erasure`,
        body: { version: 1 },
      }),
      'the person’s items are found first, then anonymised in a transaction with the log entry',
    ),
  ];
}
