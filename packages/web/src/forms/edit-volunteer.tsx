import type { Volunteer } from '@crux/domain/registers/volunteers';
import type { Text } from '@crux/domain/text';
import { useState } from 'react';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { Success } from '../ui/status';
import { ConflictResolver, differingFields } from './conflict-resolver';
import { useSubmitState } from './submit-state';
import {
  checkVolunteer,
  displayVolunteerValue,
  VolunteerForm,
  type VolunteerValues,
  valuesOfVolunteer,
  volunteerFieldLabel,
  volunteerFields,
} from './volunteer-form';

type Props = {
  centre: string;
  volunteer: Volunteer;
  arenas: readonly { id: string; name: Text }[];
  arenaName: (id: string) => string;
  onSaved: () => void;
};

/**
 * A correction or an end of a volunteer's record against the version shown. `base` is what the user
 * started from: on a 409 the resolver tells whose change each differing field is, and nothing is
 * overwritten until the user chooses.
 */
export function EditVolunteer({ centre, volunteer, arenas, arenaName, onSaved }: Props) {
  const { t, language } = useI18n();
  const { api } = useApp();
  const [base, setBase] = useState(() => valuesOfVolunteer(volunteer));
  const [version, setVersion] = useState(volunteer.version);
  const [values, setValues] = useState(base);
  const [conflict, setConflict] = useState<Volunteer | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = useSubmitState();
  const path = `/api/centres/${centre}/volunteers/${volunteer.id}`;

  const put = async (next: VolunteerValues, against: number) => {
    setSaved(false);
    const checked = checkVolunteer(next, against);
    if (!checked.ok) {
      setConflict(null);
      return submit.invalid(checked.errors);
    }
    submit.start();
    const result = await api.put<Volunteer>(path, checked.body);
    if (result.ok) {
      submit.succeed();
      const stored = valuesOfVolunteer(result.value);
      setBase(stored);
      setValues(stored);
      setVersion(result.value.version);
      setSaved(true);
      onSaved();
      return;
    }
    const { failure } = result;
    if (failure.kind === 'http' && failure.status === 409 && failure.error?.current) {
      const current = failure.error.current as Volunteer;
      submit.succeed();
      // A retry of a save whose answer was lost meets its own change: nothing is left to choose.
      if (differingFields(volunteerFields, next, valuesOfVolunteer(current)).length === 0) {
        setBase(next);
        setVersion(current.version);
        setSaved(true);
        onSaved();
        return;
      }
      setValues(next);
      setConflict(current);
      return;
    }
    submit.fail(failure);
  };

  if (conflict) {
    const theirs = valuesOfVolunteer(conflict);
    return (
      <ConflictResolver
        fields={volunteerFields}
        base={base}
        mine={values}
        theirs={theirs}
        title={t.volunteers.conflictTitle}
        label={(f) => volunteerFieldLabel(f, t)}
        display={(f, v) => displayVolunteerValue(f, v, t, language, arenaName)}
        saving={submit.state.saving}
        onDiscard={() => {
          setBase(theirs);
          setValues(theirs);
          setVersion(conflict.version);
          setConflict(null);
          onSaved();
        }}
        onResolve={(merged) => {
          setBase(theirs);
          setVersion(conflict.version);
          setValues(merged);
          setConflict(null);
          put(merged, conflict.version);
        }}
      />
    );
  }
  return (
    <>
      <VolunteerForm
        prefix="edit-volunteer"
        title={{ id: 'edit-volunteer-title', text: t.volunteers.editTitle(volunteer.name) }}
        values={values}
        arenas={arenas}
        state={submit.state}
        submitLabel={t.save}
        onChange={(change) => {
          setSaved(false);
          setValues((v) => ({ ...v, ...change }));
        }}
        onSave={() => put(values, version)}
      />
      {saved ? <Success>{t.volunteers.updated}</Success> : null}
    </>
  );
}
