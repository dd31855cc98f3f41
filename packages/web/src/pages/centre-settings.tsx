import { compareOrder } from '@crux/domain/catalogue/lists';
import type { CentreSettings } from '@crux/domain/centre-settings';
import { type FormEvent, useState } from 'react';
import { useCatalogue, useCentreSettings } from '../api/catalogue';
import { useApp } from '../app-context';
import { toFormErrors } from '../forms/form-errors';
import { useSubmitState } from '../forms/submit-state';
import { useI18n } from '../i18n/i18n';
import { en } from '../i18n/messages-en';
import { nb } from '../i18n/messages-nb';
import { ErrorSummary } from '../ui/error-summary';
import { FailureView } from '../ui/failure';
import { usePageTitle } from '../ui/page-title';
import { Notice, Progress, Success } from '../ui/status';
import { SubmitRow } from '../ui/submit-row';

const FIELD = 'todayKinds';

/**
 * The leader chooses which kinds I dag shows at the top and in what order (the other kinds in use stay
 * registrable below them). Saved against the version shown: a change made meanwhile is never overwritten.
 */
export function CentreSettingsPage({ centre }: { centre: string }) {
  const { t, text } = useI18n();
  const { api } = useApp();
  usePageTitle(t.settingsPage.title);
  const [catalogue, reloadCatalogue] = useCatalogue();
  const [settings, reloadSettings] = useCentreSettings(centre);
  const [chosen, setChosen] = useState<{ version: number; kinds: string[] } | null>(null);
  const [notice, setNotice] = useState<'saved' | 'conflict' | null>(null);
  const submit = useSubmitState();
  const { state } = submit;

  if (catalogue.state !== 'ok' || settings.state !== 'ok') {
    return (
      <section className="stack">
        <h1 className="ds-heading" data-size="lg">
          {t.settingsPage.title}
        </h1>
        {catalogue.state === 'loading' || settings.state === 'loading' ? (
          <Progress label={t.loading} />
        ) : null}
        {catalogue.state === 'failed' ? (
          <FailureView failure={catalogue.failure} retry={reloadCatalogue} />
        ) : null}
        {settings.state === 'failed' ? (
          <FailureView failure={settings.failure} retry={reloadSettings} />
        ) : null}
      </section>
    );
  }

  const active = catalogue.value.catalogue.activityKinds
    .filter((k) => k.status === 'active' && k.participant !== 'must')
    .sort(compareOrder);
  const nameOf = (id: string) => {
    const kind = active.find((k) => k.id === id);
    return kind ? text(kind.name) : id;
  };
  const current =
    chosen?.version === settings.value.version
      ? chosen.kinds
      : settings.value.todayKinds.filter((id) => active.some((k) => k.id === id));
  const set = (kinds: string[]) => setChosen({ version: settings.value.version, kinds });
  const toggle = (id: string, on: boolean) => set(on ? [...current, id] : current.filter((k) => k !== id));
  const move = (index: number, by: -1 | 1) => {
    const next = [...current];
    const [id] = next.splice(index, 1);
    if (id) next.splice(index + by, 0, id);
    set(next);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (current.length === 0) {
      return submit.invalid({ [FIELD]: { nb: nb.settingsPage.noneChosen, en: en.settingsPage.noneChosen } });
    }
    submit.start();
    const result = await api.put<CentreSettings>(`/api/centres/${centre}/settings`, {
      todayKinds: current,
      version: settings.value.version,
    });
    if (result.ok) {
      submit.succeed();
      setNotice('saved');
      return reloadSettings();
    }
    if (result.failure.kind === 'http' && result.failure.status === 409) {
      submit.succeed();
      setNotice('conflict');
      setChosen(null);
      return reloadSettings();
    }
    const { failure } = result;
    // Errors name `todayKinds.<i>`: every one belongs to the one list of choices.
    if (failure.kind === 'http' && failure.error?.fields) {
      return submit.invalid(toFormErrors(failure.error.fields.map((f) => ({ ...f, field: FIELD }))));
    }
    submit.fail(failure);
  };

  return (
    <section className="stack">
      <h1 className="ds-heading" data-size="lg">
        {t.settingsPage.title}
      </h1>
      <p>{t.settingsPage.intro}</p>
      {notice === 'saved' ? <Success>{t.settingsPage.saved}</Success> : null}
      {notice === 'conflict' ? <Notice>{t.settingsPage.conflict}</Notice> : null}
      <form onSubmit={save} noValidate>
        <ErrorSummary
          errors={state.errors}
          fieldIds={{ [FIELD]: `kind-${active[0]?.id}` }}
          attempt={state.attempt}
          extra={state.formError}
        />
        <fieldset
          className="ds-fieldset"
          aria-describedby={state.errors[FIELD] ? `${FIELD}-error` : undefined}
        >
          <legend className="ds-label">{t.settingsPage.kinds}</legend>
          {active.map((kind) => (
            <div className="ds-field" key={kind.id}>
              <input
                type="checkbox"
                className="ds-input"
                id={`kind-${kind.id}`}
                checked={current.includes(kind.id)}
                onChange={(event) => toggle(kind.id, event.target.checked)}
              />
              <label className="ds-label" data-weight="regular" htmlFor={`kind-${kind.id}`}>
                {text(kind.name)}
              </label>
            </div>
          ))}
          {state.errors[FIELD] ? (
            <p className="ds-validation-message" data-field="validation" id={`${FIELD}-error`}>
              {text(state.errors[FIELD])}
            </p>
          ) : null}
        </fieldset>
        <h2 className="ds-heading" data-size="sm" id="chosen-order">
          {t.settingsPage.chosen}
        </h2>
        <ol className="chosen-order" aria-labelledby="chosen-order">
          {current.map((id, i) => (
            <li key={id}>
              <span>{nameOf(id)}</span>
              <span className="actions">
                <button
                  type="button"
                  className="ds-button"
                  data-variant="tertiary"
                  data-size="sm"
                  disabled={i === 0}
                  aria-label={t.settingsPage.moveUp(nameOf(id))}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="ds-button"
                  data-variant="tertiary"
                  data-size="sm"
                  disabled={i === current.length - 1}
                  aria-label={t.settingsPage.moveDown(nameOf(id))}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </button>
              </span>
            </li>
          ))}
        </ol>
        <SubmitRow label={t.save} saving={state.saving} />
      </form>
    </section>
  );
}
