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
import { type FormErrors, toFormErrors } from './form-errors';
import { useSubmitState } from './submit-state';

type Props = {
  centre: string;
  volunteerId: string;
  entries: readonly VolunteerHoursEntry[];
  arenas: readonly { id: string; name: Text }[];
  arenaName: (id: string) => string;
  reload: () => void;
  /** The heading: the volunteer's own month, or (a level down, under the volunteer's name) the year staff see. */
  title?: string;
};

/**
 * Logged hours, newest first, each one correctable (arena and hours) or deleted against its version: a
 * wrong day is deleted and logged again.
 */
export function VolunteerEntries({ centre, volunteerId, entries, arenas, arenaName, reload, title }: Props) {
  const { t, language } = useI18n();
  const { api } = useApp();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<'updated' | 'deleted' | 'conflict' | null>(null);
  const [deleting, setDeleting] = useState(false);
  const Heading = title ? 'h3' : 'h2';
  const sorted = [...entries].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const open = sorted.find((e) => e.id === editing);
  const done = (outcome: 'updated' | 'deleted' | 'conflict') => {
    setEditing(null);
    setNotice(outcome);
    reload();
  };
  const pathOf = (e: VolunteerHoursEntry) =>
    `/api/centres/${centre}/volunteers/${volunteerId}/hours/${e.date}/${e.id}`;
  const remove = async (e: VolunteerHoursEntry) => {
    setNotice(null);
    setDeleting(true);
    const result = await api.delete(pathOf(e), { version: e.version });
    setDeleting(false);
    if (result.ok) return done('deleted');
    if (result.failure.kind === 'http' && [404, 409].includes(result.failure.status)) return done('conflict');
    setNotice('conflict');
  };
  return (
    <>
      <Heading className="ds-heading" data-size={title ? 'sm' : 'md'} id="volunteer-entries-title">
        {title ?? t.volunteer.entriesTitle}
      </Heading>
      {notice === 'updated' ? <Success>{t.volunteer.updated}</Success> : null}
      {notice === 'deleted' ? <Success>{t.volunteer.deleted}</Success> : null}
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
                  <td>
                    <button
                      type="button"
                      className="ds-button"
                      data-variant="tertiary"
                      disabled={deleting}
                      aria-label={`${t.volunteer.delete}: ${formatDate(e.date, language)}, ${arenaName(e.arena)}`}
                      onClick={() => remove(e)}
                    >
                      {t.volunteer.delete}
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
          path={pathOf(open)}
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

/** Hours as typed, in quarter hours with a decimal comma ("1,5"); blank is no number at all. */
export const parseHours = (typed: string) =>
  typed.trim() === '' ? Number.NaN : Number(typed.replace(',', '.').trim());

/** Where and how many hours: the fields a volunteer's entry is logged and corrected with. */
export function ArenaAndHours(props: {
  ids: { arena: string; hours: string };
  arena: string;
  hours: string;
  arenas: readonly { id: string; name: Text }[];
  errors: FormErrors;
  onArena: (arena: string) => void;
  onHours: (hours: string) => void;
}) {
  const { t, text } = useI18n();
  return (
    <>
      <SelectField
        id={props.ids.arena}
        label={t.volunteer.where}
        value={props.arena}
        error={props.errors.arena}
        onChange={props.onArena}
        options={props.arenas.map((a) => ({ value: a.id, label: text(a.name) }))}
      />
      <TextField
        id={props.ids.hours}
        label={t.volunteer.hoursField}
        hint={t.volunteer.hoursHint}
        inputMode="text"
        className="short"
        value={props.hours}
        error={props.errors.hours}
        onChange={props.onHours}
      />
    </>
  );
}

function CorrectEntry(props: {
  path: string;
  entry: VolunteerHoursEntry;
  arenas: readonly { id: string; name: Text }[];
  onDone: (outcome: 'updated' | 'conflict') => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const { api } = useApp();
  const { entry } = props;
  const [arena, setArena] = useState(entry.arena);
  const [hours, setHours] = useState(String(entry.hours).replace('.', ','));
  const submit = useSubmitState();
  const { state } = submit;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const body = { arena, hours: parseHours(hours), version: entry.version };
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
      <ArenaAndHours
        ids={ids}
        arena={arena}
        hours={hours}
        arenas={props.arenas}
        errors={state.errors}
        onArena={setArena}
        onHours={setHours}
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
