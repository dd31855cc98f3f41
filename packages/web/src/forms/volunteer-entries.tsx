import { type VolunteerHoursEntry, VolunteerHoursUpdate } from '@crux/domain/registers/volunteers';
import type { Text } from '@crux/domain/text';
import { parse } from '@crux/domain/validation';
import { type FormEvent, useState } from 'react';
import { useApp } from '../app-context';
import { formatDate, formatNumber } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { SelectField, TextField } from '../ui/fields';
import { ScrollRegion } from '../ui/scroll-region';
import { Alert, Success } from '../ui/status';
import { toFormErrors } from './form-errors';
import { useSubmitState } from './submit-state';

type Props = {
  centre: string;
  volunteerId: string;
  entries: readonly VolunteerHoursEntry[];
  arenas: readonly { id: string; name: Text }[];
  arenaName: (id: string) => string;
  reload: () => void;
};

/** This month's logged hours, newest first, each one correctable (arena and hours) against its version. */
export function VolunteerEntries({ centre, volunteerId, entries, arenas, arenaName, reload }: Props) {
  const { t, language } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<'updated' | 'conflict' | null>(null);
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const open = sorted.find((e) => e.id === editing);
  const done = (outcome: 'updated' | 'conflict') => {
    setEditing(null);
    setNotice(outcome);
    reload();
  };
  return (
    <>
      <h2 className="ds-heading" data-size="md" id="volunteer-entries-title">
        {t.volunteer.entriesTitle}
      </h2>
      {notice === 'updated' ? <Success>{t.volunteer.updated}</Success> : null}
      {notice === 'conflict' ? <Alert>{t.volunteer.conflict}</Alert> : null}
      {sorted.length === 0 ? <p>{t.volunteer.noEntries}</p> : null}
      {sorted.length > 0 ? (
        <ScrollRegion labelledBy="volunteer-entries-title">
          <table className="ds-table" data-color="neutral">
            <thead>
              <tr>
                <th scope="col">{t.volunteer.when}</th>
                <th scope="col">{t.volunteer.where}</th>
                <th scope="col" className="num">
                  {t.volunteer.howMany}
                </th>
                <td />
              </tr>
            </thead>
            <tbody>
              {sorted.map((e) => (
                <tr key={e.id}>
                  <th scope="row">{formatDate(e.date, language)}</th>
                  <td>{arenaName(e.arena)}</td>
                  <td className="num">{formatNumber(e.hours)}</td>
                  <td>
                    <button
                      type="button"
                      className="ds-button"
                      data-variant="tertiary"
                      aria-label={`${t.volunteer.change}: ${formatDate(e.date, language)}, ${arenaName(e.arena)}`}
                      onClick={() => {
                        setNotice(null);
                        setEditing(e.id);
                      }}
                    >
                      {t.volunteer.change}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {open ? (
        <CorrectEntry
          key={open.id}
          path={`/api/centres/${centre}/volunteers/${volunteerId}/hours/${open.date}/${open.id}`}
          entry={open}
          arenas={arenas}
          onDone={done}
          onCancel={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}

const ids = { arena: 'correct-arena', hours: 'correct-hours' };

function CorrectEntry(props: {
  path: string;
  entry: VolunteerHoursEntry;
  arenas: readonly { id: string; name: Text }[];
  onDone: (outcome: 'updated' | 'conflict') => void;
  onCancel: () => void;
}) {
  const { t, text, language } = useI18n();
  const { api } = useApp();
  const { entry } = props;
  const [arena, setArena] = useState(entry.arena);
  const [hours, setHours] = useState(String(entry.hours).replace('.', ','));
  const submit = useSubmitState();
  const { state } = submit;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { arena, hours: Number(hours.replace(',', '.').trim()), version: entry.version };
    const checked = parse(VolunteerHoursUpdate, body);
    if (!checked.ok) return submit.invalid(toFormErrors(checked.error.fields));
    submit.start();
    const result = await api.put(props.path, checked.value);
    if (!result.ok && result.failure.kind === 'http' && result.failure.status === 409)
      return props.onDone('conflict');
    if (!result.ok) return submit.fail(result.failure);
    submit.succeed();
    props.onDone('updated');
  };

  return (
    <form className="edit" onSubmit={onSubmit} noValidate>
      <h3 className="ds-heading" data-size="sm">
        {t.volunteer.changeTitle(formatDate(entry.date, language))}
      </h3>
      <ErrorSummary errors={state.errors} fieldIds={ids} attempt={state.attempt} extra={state.formError} />
      <SelectField
        id={ids.arena}
        label={t.volunteer.where}
        value={arena}
        error={state.errors.arena}
        onChange={setArena}
        options={props.arenas.map((a) => ({ value: a.id, label: text(a.name) }))}
      />
      <TextField
        id={ids.hours}
        label={t.volunteer.hoursField}
        hint={t.volunteer.hoursHint}
        inputMode="text"
        className="short"
        value={hours}
        error={state.errors.hours}
        onChange={setHours}
      />
      <div className="actions">
        <button type="submit" className="ds-button" disabled={state.saving}>
          {t.save}
        </button>
        <button type="button" className="ds-button" data-variant="secondary" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}
