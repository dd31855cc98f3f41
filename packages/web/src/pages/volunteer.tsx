import { monthOf, todayInOslo } from '@crux/domain/calendar';
import type { Catalogue } from '@crux/domain/catalogue/lists';
import { type OwnHours, VolunteerHoursCreate } from '@crux/domain/registers/volunteers';
import { parse } from '@crux/domain/validation';
import { useRef, useState } from 'react';
import { inUse, loadCatalogue, nameOf } from '../api/catalogue';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { toFormErrors } from '../forms/form-errors';
import { NetworkRetry } from '../forms/network-retry';
import { useSubmitState } from '../forms/submit-state';
import { VolunteerEntries } from '../forms/volunteer-entries';
import { formatDate, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { en } from '../i18n/messages-en';
import { nb } from '../i18n/messages-nb';
import { ErrorSummary } from '../ui/error-summary';
import { FailureView } from '../ui/failure';
import { RadioGroup, TextField } from '../ui/fields';
import { usePageTitle } from '../ui/page-title';
import { Progress, Success } from '../ui/status';

/** The hours a volunteer logs with one tap; a correction can make any quarter hour of them. */
const quickHours = [1, 2, 3, 4, 5, 6] as const;
const ids = { arena: 'volunteer-arena', date: 'volunteer-date' };

type Loaded = { volunteerId: string; hours: OwnHours; catalogue: Catalogue };

/**
 * A volunteer's own page, made for a phone: the arena (the last one used is chosen already) and a tap on
 * the hours logs them for today. Below, the month's and the year's sums and this month's entries to
 * correct. Everything is the volunteer's own record; the API answers nothing else to a volunteer.
 */
export function VolunteerPage({ centre }: { centre: string }) {
  const { t } = useI18n();
  const { api } = useApp();
  usePageTitle(t.volunteer.title);
  const year = Number(todayInOslo().slice(0, 4));
  const [data, reload] = useResource<Loaded>(`${centre}:own-hours:${year}`, async () => {
    const [me, catalogue] = await Promise.all([
      api.get<{ volunteerId: string }>(`/api/centres/${centre}/me`),
      loadCatalogue(api),
    ]);
    if (!me.ok) return me;
    if (!catalogue.ok) return catalogue;
    const { volunteerId } = me.value;
    const hours = await api.get<OwnHours>(`/api/centres/${centre}/volunteers/${volunteerId}/hours`, { year });
    return hours.ok
      ? { ok: true, value: { volunteerId, hours: hours.value, catalogue: catalogue.value } }
      : hours;
  });
  // The form stays (with what it said and what was chosen) while the sums load again after a save.
  const shown = useRef<Loaded | null>(null);
  if (data.state === 'ok') shown.current = data.value;
  const loaded = shown.current;

  return (
    <section className="volunteer">
      <h1 className="ds-heading" data-size="lg">
        {t.volunteer.title}
      </h1>
      {data.state === 'loading' && !loaded ? <Progress label={t.loading} /> : null}
      {data.state === 'failed' && data.failure.kind === 'http' && data.failure.status === 404 ? (
        <p>{t.volunteer.noRecord}</p>
      ) : data.state === 'failed' ? (
        <FailureView failure={data.failure} retry={reload} />
      ) : null}
      {loaded && data.state !== 'failed' ? (
        <LogHours centre={centre} loaded={loaded} reload={reload} />
      ) : null}
    </section>
  );
}

function LogHours({ centre, loaded, reload }: { centre: string; loaded: Loaded; reload: () => void }) {
  const { t, text, language } = useI18n();
  const { api, claims } = useApp();
  const { volunteerId, hours, catalogue } = loaded;
  const arenas = inUse(catalogue.volunteerArenas);
  const remembered = `crux:${claims.sub}:arena`;
  const [arena, setArena] = useState(
    () => localStorage.getItem(remembered) ?? hours.volunteer.arenas[0] ?? arenas[0]?.id ?? '',
  );
  const [date, setDate] = useState(todayInOslo);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [saved, setSaved] = useState<string | null>(null);
  const [last, setLast] = useState(0);
  const submit = useSubmitState();
  const { state } = submit;
  const arenaName = (id: string) => {
    const name = nameOf(catalogue.volunteerArenas, id);
    return name ? text(name) : id;
  };

  const log = async (amount: number) => {
    setSaved(null);
    setLast(amount);
    const body = { date, arena, hours: amount };
    const checked = parse(VolunteerHoursCreate, body);
    if (!checked.ok) {
      const errors = toFormErrors(checked.error.fields);
      if (!arena) errors.arena = { nb: nb.volunteer.chooseArena, en: en.volunteer.chooseArena };
      return submit.invalid(errors);
    }
    submit.start();
    const path = `/api/centres/${centre}/volunteers/${volunteerId}/hours`;
    const result = await api.post(path, checked.value, key);
    if (!result.ok) {
      // A 4xx wrote nothing, so the next attempt may carry a new key; after a lost answer it must not.
      if (result.failure.kind === 'http' && result.failure.status < 500) setKey(crypto.randomUUID());
      return submit.fail(result.failure);
    }
    localStorage.setItem(remembered, arena);
    setKey(crypto.randomUUID());
    submit.succeed();
    setSaved(t.volunteer.saved(formatNumber(amount), arenaName(arena), formatDate(date, language)));
    reload();
  };

  const month = monthOf(todayInOslo());
  const monthSum = hours.months.find((m) => m.month === month)?.hours ?? 0;

  return (
    <>
      <p>{t.volunteer.hello(hours.volunteer.name)}</p>
      <form onSubmit={(event) => event.preventDefault()} noValidate>
        <ErrorSummary errors={state.errors} fieldIds={ids} attempt={state.attempt} extra={state.formError} />
        <RadioGroup
          id={ids.arena}
          label={t.volunteer.arena}
          value={arena}
          error={state.errors.arena}
          onChange={setArena}
          options={arenas.map((a) => ({ value: a.id, label: text(a.name) }))}
        />
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t.volunteer.hours}</legend>
          <div className="hour-buttons">
            {quickHours.map((amount) => (
              <button
                key={amount}
                type="button"
                className="ds-button"
                data-size="lg"
                disabled={state.saving}
                aria-label={t.volunteer.hoursLabel(amount, arenaName(arena))}
                onClick={() => log(amount)}
              >
                {t.volunteer.hoursButton(amount)}
              </button>
            ))}
          </div>
        </fieldset>
        <TextField
          id={ids.date}
          label={t.volunteer.date}
          hint={t.volunteer.dateHint}
          type="date"
          value={date}
          error={state.errors.date}
          onChange={setDate}
        />
        <NetworkRetry visible={state.networkFailed} onRetry={() => log(last)} />
        {state.saving ? <Progress label={t.saving} /> : null}
        {saved ? <Success>{saved}</Success> : null}
      </form>
      <dl className="details sums">
        <div>
          <dt>{t.volunteer.month}</dt>
          <dd data-testid="month-hours">{t.volunteer.hoursTotal(formatNumber(monthSum))}</dd>
        </div>
        <div>
          <dt>{t.volunteer.year}</dt>
          <dd data-testid="year-hours">{t.volunteer.hoursTotal(formatNumber(hours.total))}</dd>
        </div>
      </dl>
      <VolunteerEntries
        centre={centre}
        volunteerId={volunteerId}
        entries={hours.entries.filter((e) => monthOf(e.date) === month)}
        arenas={arenas}
        arenaName={arenaName}
        reload={reload}
      />
    </>
  );
}
