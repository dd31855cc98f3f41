import { todayInOslo } from '@crux/domain/calendar';
import { type OwnHours, VolunteerHoursCreate } from '@crux/domain/registers/volunteers';
import type { Text } from '@crux/domain/text';
import { parse } from '@crux/domain/validation';
import { type FormEvent, useState } from 'react';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { formatDate, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { FailureView } from '../ui/failure';
import { TextField } from '../ui/fields';
import { Progress, Success } from '../ui/status';
import { required, toFormErrors } from './form-errors';
import { NetworkRetry } from './network-retry';
import { useSubmitState } from './submit-state';
import { ArenaAndHours, parseHours, VolunteerEntries } from './volunteer-entries';

const ids = { date: 'log-date', arena: 'log-arena', hours: 'log-hours' };

type Props = {
  centre: string;
  volunteerId: string;
  /** The volunteer's own arenas first: where they usually help. */
  preferred: readonly string[];
  arenas: readonly { id: string; name: Text }[];
  arenaName: (id: string) => string;
};

/**
 * Staff and the leader log hours for a volunteer with no account, by date and arena, and correct or
 * delete the year's entries (the same list the volunteer corrects their own in).
 */
export function VolunteerHoursLog({ centre, volunteerId, preferred, arenas, arenaName }: Props) {
  const { t, language } = useI18n();
  const { api } = useApp();
  const year = Number(todayInOslo().slice(0, 4));
  const path = `/api/centres/${centre}/volunteers/${volunteerId}/hours`;
  const [data, reload] = useResource(`${centre}:volunteer-hours:${volunteerId}:${year}`, () =>
    api.get<OwnHours>(path, { year }),
  );
  const [date, setDate] = useState(todayInOslo);
  const [arena, setArena] = useState(preferred[0] ?? arenas[0]?.id ?? '');
  const [hours, setHours] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [saved, setSaved] = useState<string | null>(null);
  const submit = useSubmitState();
  const { state } = submit;

  const log = async () => {
    setSaved(null);
    const checked = parse(VolunteerHoursCreate, { date, arena, hours: parseHours(hours) });
    if (!checked.ok) {
      const errors = toFormErrors(checked.error.fields);
      return submit.invalid(
        hours.trim() === '' ? { ...errors, ...toFormErrors([required('hours')]) } : errors,
      );
    }
    submit.start();
    const result = await api.post(path, checked.value, key);
    if (!result.ok) {
      // A 4xx wrote nothing, so the next attempt may carry a new key; after a lost answer it must not.
      if (result.failure.kind === 'http' && result.failure.status < 500) setKey(crypto.randomUUID());
      return submit.fail(result.failure);
    }
    submit.succeed();
    setKey(crypto.randomUUID());
    setHours('');
    setSaved(
      t.volunteers.logged(formatNumber(checked.value.hours), formatDate(checked.value.date, language)),
    );
    reload();
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    log();
  };

  return (
    <section aria-labelledby="volunteer-hours-title">
      <h3 className="ds-heading" data-size="sm" id="volunteer-hours-title">
        {t.volunteers.logTitle}
      </h3>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={state.errors} fieldIds={ids} attempt={state.attempt} extra={state.formError} />
        <TextField
          id={ids.date}
          label={t.volunteers.date}
          type="date"
          value={date}
          error={state.errors.date}
          onChange={setDate}
        />
        <ArenaAndHours
          ids={ids}
          arena={arena}
          hours={hours}
          arenas={arenas}
          errors={state.errors}
          onArena={setArena}
          onHours={setHours}
        />
        <NetworkRetry visible={state.networkFailed} onRetry={log} />
        <div className="actions">
          <button type="submit" className="ds-button" disabled={state.saving}>
            {t.volunteers.log}
          </button>
          {state.saving ? <Progress label={t.saving} /> : null}
        </div>
        {saved ? <Success>{saved}</Success> : null}
      </form>
      {data.state === 'loading' ? <Progress label={t.loading} /> : null}
      {data.state === 'failed' ? <FailureView failure={data.failure} retry={reload} /> : null}
      {data.state === 'ok' ? (
        <>
          <VolunteerEntries
            centre={centre}
            volunteerId={volunteerId}
            entries={data.value.entries}
            arenas={arenas}
            arenaName={arenaName}
            reload={reload}
            title={t.volunteers.hoursTitle(year)}
          />
          <p data-testid="volunteer-year-hours">{t.volunteers.yearTotal(formatNumber(data.value.total))}</p>
        </>
      ) : null}
    </section>
  );
}
