import { type CatalogueChange, parseCatalogueChange } from '@crux/domain/catalogue/change';
import type { StoredCatalogue } from '@crux/domain/catalogue/request';
import {
  type CatalogueSection,
  type CountingRule,
  countingRules,
  type ParticipantRule,
  participantRules,
} from '@crux/domain/catalogue/schema';
import { fail, ok } from '@crux/domain/errors';
import { validationError } from '@crux/domain/validation';
import { type FormEvent, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { ErrorSummary } from '../ui/error-summary';
import { SelectField, TextField } from '../ui/fields';
import { SubmitRow } from '../ui/submit-row';
import { useWrite } from './use-write';

type Done = (outcome: 'done' | 'conflict') => void;

/**
 * One catalogue change, sent with the catalogue it was made on, checked first with the API's own parser.
 * The API names a change's fields `change.<field>`; the client's check is named the same way.
 */
function useCatalogueChange(stored: StoredCatalogue, onDone: Done) {
  const { state, write } = useWrite((outcome) => onDone(outcome === 'saved' ? 'done' : 'conflict'));
  const send = (change: CatalogueChange | Record<string, unknown>) => {
    const checked = parseCatalogueChange(change);
    const fields = checked.ok
      ? []
      : (checked.error.fields ?? []).map((f) => ({ ...f, field: `change.${f.field}` }));
    return write(
      'post',
      '/api/admin/catalogue/changes',
      checked.ok ? ok({ base: stored.catalogue, change }) : fail(validationError(fields)),
    );
  };
  return { state, send };
}

const addIds = {
  'change.entry.id': 'kind-id',
  'change.entry.name.nb': 'kind-name-nb',
  'change.entry.name.en': 'kind-name-en',
  'change.entry.section': 'kind-section',
  'change.entry.order': 'kind-order',
  'change.entry.counts': 'kind-counts',
  'change.entry.participant': 'kind-participant',
};

/** Adds an activity kind: registrable, counted and shown everywhere as soon as it is saved. */
export function KindForm(props: { stored: StoredCatalogue; sections: CatalogueSection[]; onDone: Done }) {
  const { t, text } = useI18n();
  const c = t.catalogue;
  const empty = {
    id: '',
    nb: '',
    en: '',
    section: props.sections[0]?.id ?? '',
    order: '',
    counts: 'sum' as CountingRule,
    participant: 'may' as ParticipantRule,
  };
  const [values, setValues] = useState(empty);
  const { state, send } = useCatalogueChange(props.stored, (outcome) => {
    if (outcome === 'done') setValues(empty);
    props.onDone(outcome);
  });
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));
  const e = (field: string) => state.errors[`change.entry.${field}`];
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send({
      op: 'add',
      list: 'activityKinds',
      version: props.stored.catalogue.version,
      entry: {
        id: values.id.trim(),
        name: { nb: values.nb.trim(), en: values.en.trim() },
        section: values.section,
        order: values.order.trim() === '' ? Number.NaN : Number(values.order),
        status: 'active',
        counts: values.counts,
        participant: values.participant,
      },
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <h2 className="ds-heading" data-size="md">
        {c.addTitle}
      </h2>
      <ErrorSummary errors={state.errors} fieldIds={addIds} attempt={state.attempt} extra={state.formError} />
      <TextField
        id={addIds['change.entry.name.nb']}
        label={c.nameNb}
        value={values.nb}
        error={e('name.nb')}
        onChange={(nb) => set({ nb })}
      />
      <TextField
        id={addIds['change.entry.name.en']}
        label={c.nameEn}
        value={values.en}
        error={e('name.en')}
        onChange={(en) => set({ en })}
      />
      <TextField
        id={addIds['change.entry.id']}
        label={c.id}
        hint={c.idHint}
        value={values.id}
        error={e('id')}
        onChange={(id) => set({ id })}
      />
      <SelectField
        id={addIds['change.entry.section']}
        label={c.section}
        value={values.section}
        error={e('section')}
        options={props.sections.map((s) => ({ value: s.id, label: text(s.name) }))}
        onChange={(section) => set({ section })}
      />
      <TextField
        id={addIds['change.entry.order']}
        label={c.order}
        hint={c.orderHint}
        inputMode="numeric"
        value={values.order}
        error={e('order')}
        onChange={(order) => set({ order })}
      />
      <SelectField
        id={addIds['change.entry.counts']}
        label={c.counts}
        value={values.counts}
        error={e('counts')}
        options={countingRules.map((r) => ({ value: r, label: c.countsOptions[r] }))}
        onChange={(counts) => set({ counts: counts as CountingRule })}
      />
      <SelectField
        id={addIds['change.entry.participant']}
        label={c.participant}
        value={values.participant}
        error={e('participant')}
        options={participantRules.map((r) => ({ value: r, label: c.participantOptions[r] }))}
        onChange={(participant) => set({ participant: participant as ParticipantRule })}
      />
      <SubmitRow label={c.add} saving={state.saving} />
    </form>
  );
}

const renameIds = { 'change.patch.name.nb': 'rename-nb', 'change.patch.name.en': 'rename-en' };

/** A new name for a kind, in both languages; its id, and so its figures' history, stays. */
export function RenameForm(props: {
  stored: StoredCatalogue;
  kindId: string;
  onDone: Done;
  onCancel: () => void;
}) {
  const { t, text } = useI18n();
  const c = t.catalogue;
  const kind = props.stored.catalogue.activityKinds.find((k) => k.id === props.kindId);
  const [name, setName] = useState(kind?.name ?? { nb: '', en: '' });
  const { state, send } = useCatalogueChange(props.stored, props.onDone);
  if (!kind) return null;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send({
      op: 'update',
      list: 'activityKinds',
      version: props.stored.catalogue.version,
      id: kind.id,
      patch: { name: { nb: name.nb.trim(), en: name.en.trim() } },
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <h2 className="ds-heading" data-size="md">
        {c.renameTitle(text(kind.name))}
      </h2>
      <ErrorSummary
        errors={state.errors}
        fieldIds={renameIds}
        attempt={state.attempt}
        extra={state.formError}
      />
      <TextField
        id={renameIds['change.patch.name.nb']}
        label={c.nameNb}
        value={name.nb}
        error={state.errors['change.patch.name.nb']}
        onChange={(nb) => setName((n) => ({ ...n, nb }))}
      />
      <TextField
        id={renameIds['change.patch.name.en']}
        label={c.nameEn}
        value={name.en}
        error={state.errors['change.patch.name.en']}
        onChange={(en) => setName((n) => ({ ...n, en }))}
      />
      <SubmitRow label={t.save} saving={state.saving} onCancel={props.onCancel} />
    </form>
  );
}
