import { todayInOslo } from '@crux/domain/calendar';
import type { Catalogue } from '@crux/domain/catalogue/lists';
import type { VolunteerFollowUp } from '@crux/domain/registers/follow-up';
import type { Volunteer } from '@crux/domain/registers/volunteers';
import { useRef, useState } from 'react';
import { inUse, loadCatalogue, nameOf } from '../api/catalogue';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { EditVolunteer } from '../forms/edit-volunteer';
import { useSubmitState } from '../forms/submit-state';
import { VolunteerAccount } from '../forms/volunteer-account';
import { VolunteerFollowUpForm } from '../forms/volunteer-follow-up';
import { checkVolunteer, emptyVolunteer, VolunteerForm } from '../forms/volunteer-form';
import { VolunteerHoursLog } from '../forms/volunteer-hours-log';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { FailureView } from '../ui/failure';
import { usePageTitle } from '../ui/page-title';
import { ScrollRegion } from '../ui/scroll-region';
import { Progress, Success } from '../ui/status';

/** The most a page of the list holds; a centre has a few dozen volunteers. */
const LIMIT = 100;

type Loaded = { volunteers: Volunteer[]; catalogue: Catalogue; followUp: VolunteerFollowUp };

const activeIn = (year: number) => (v: Volunteer) =>
  v.startDate <= `${year}-12-31` && (!v.endDate || v.endDate >= `${year}-01-01`);

/**
 * The centre's volunteer register, for staff and the leader: the list, a volunteer added or corrected,
 * their account linked, hours logged for those with no account, and the year's follow-up.
 */
export function VolunteersPage({ centre }: { centre: string }) {
  const { t, text, language } = useI18n();
  const { api } = useApp();
  usePageTitle(t.volunteers.title);
  const year = Number(todayInOslo().slice(0, 4));
  const [data, reload] = useResource<Loaded>(`${centre}:volunteers:${year}`, async () => {
    const [list, catalogue, followUp] = await Promise.all([
      api.get<{ items: Volunteer[] }>(`/api/centres/${centre}/volunteers`, { limit: LIMIT }),
      loadCatalogue(api),
      api.get<VolunteerFollowUp>(`/api/centres/${centre}/volunteer-follow-up/${year}`),
    ]);
    if (!list.ok) return list;
    if (!catalogue.ok) return catalogue;
    if (!followUp.ok) return followUp;
    const volunteers = [...list.value.items].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
    return { ok: true, value: { volunteers, catalogue: catalogue.value, followUp: followUp.value } };
  });
  const [selected, setSelected] = useState<string | null>(null);
  // The forms stay (with what they said) while the list loads again after a save.
  const shown = useRef<Loaded | null>(null);
  if (data.state === 'ok') shown.current = data.value;

  if (!shown.current || data.state === 'failed')
    return (
      <section>
        <h1 className="ds-heading" data-size="lg">
          {t.volunteers.title}
        </h1>
        {data.state === 'failed' ? (
          <FailureView failure={data.failure} retry={reload} />
        ) : (
          <Progress label={t.loading} />
        )}
      </section>
    );

  const { volunteers, catalogue, followUp } = shown.current;
  const arenas = inUse(catalogue.volunteerArenas);
  const arenaName = (id: string) => {
    const name = nameOf(catalogue.volunteerArenas, id);
    return name ? text(name) : id;
  };
  const open = volunteers.find((v) => v.id === selected);
  const active = volunteers.filter(activeIn(year)).map((v) => ({ id: v.id, name: v.name }));

  return (
    <section className="volunteers">
      <h1 className="ds-heading" data-size="lg">
        {t.volunteers.title}
      </h1>
      <p>{t.volunteers.intro}</p>
      <h2 className="ds-heading" data-size="md" id="volunteers-list-title">
        {t.volunteers.listTitle}
      </h2>
      {volunteers.length === 0 ? <p>{t.volunteers.empty}</p> : null}
      {volunteers.length > 0 ? (
        <ScrollRegion labelledBy="volunteers-list-title">
          <table className="ds-table" data-color="neutral">
            <thead>
              <tr>
                <th scope="col">{t.volunteers.name}</th>
                <th scope="col">{t.volunteers.contact}</th>
                <th scope="col">{t.volunteers.startDate}</th>
                <th scope="col">{t.volunteers.endDate}</th>
                <th scope="col">{t.volunteers.arena}</th>
              </tr>
            </thead>
            <tbody>
              {volunteers.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    <button
                      type="button"
                      className="ds-button"
                      data-variant="tertiary"
                      aria-expanded={v.id === selected}
                      aria-controls="volunteer-detail"
                      onClick={() => setSelected(v.id === selected ? null : v.id)}
                    >
                      {v.name}
                    </button>
                  </th>
                  <td>{v.contact ?? ''}</td>
                  <td>{formatDate(v.startDate, language)}</td>
                  <td>{v.endDate ? formatDate(v.endDate, language) : t.volunteers.ongoing}</td>
                  <td>{v.arenas.map(arenaName).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      <div id="volunteer-detail">
        {open ? (
          <section className="stack" aria-labelledby="volunteer-detail-title" key={open.id}>
            <h2 className="ds-heading" data-size="md" id="volunteer-detail-title">
              {open.name}
            </h2>
            <EditVolunteer
              centre={centre}
              volunteer={open}
              arenas={arenas}
              arenaName={arenaName}
              onSaved={reload}
            />
            <VolunteerAccount centre={centre} volunteer={open} onChanged={reload} />
            <VolunteerHoursLog
              centre={centre}
              volunteerId={open.id}
              preferred={open.arenas}
              arenas={arenas}
              arenaName={arenaName}
            />
            <button
              type="button"
              className="ds-button"
              data-variant="secondary"
              onClick={() => setSelected(null)}
            >
              {t.volunteers.close}
            </button>
          </section>
        ) : null}
      </div>
      <AddVolunteer centre={centre} arenas={arenas} onAdded={reload} />
      <VolunteerFollowUpForm
        // A volunteer added or ended changes the form's fields: it starts again from what is stored.
        key={`${followUp.version}:${active.map((v) => v.id).join()}`}
        centre={centre}
        year={year}
        volunteers={active}
        doc={followUp}
      />
    </section>
  );
}

function AddVolunteer(props: { centre: string; arenas: Catalogue['volunteerArenas']; onAdded: () => void }) {
  const { t } = useI18n();
  const { api } = useApp();
  const [values, setValues] = useState(() => emptyVolunteer(todayInOslo()));
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [added, setAdded] = useState<string | null>(null);
  const submit = useSubmitState();

  const save = async () => {
    setAdded(null);
    const checked = checkVolunteer(values);
    if (!checked.ok) return submit.invalid(checked.errors);
    submit.start();
    const result = await api.post<Volunteer>(`/api/centres/${props.centre}/volunteers`, checked.body, key);
    if (!result.ok) {
      // A 4xx wrote nothing, so the next attempt may carry a new key; after a lost answer it must not.
      if (result.failure.kind === 'http' && result.failure.status < 500) setKey(crypto.randomUUID());
      return submit.fail(result.failure);
    }
    submit.succeed();
    setAdded(result.value.name);
    setValues(emptyVolunteer(todayInOslo()));
    setKey(crypto.randomUUID());
    props.onAdded();
  };

  return (
    <>
      <VolunteerForm
        prefix="new-volunteer"
        title={{ id: 'new-volunteer-title', text: t.volunteers.add }}
        values={values}
        arenas={props.arenas}
        state={submit.state}
        submitLabel={t.volunteers.add}
        onChange={(change) => setValues((v) => ({ ...v, ...change }))}
        onSave={save}
      />
      {added ? <Success>{t.volunteers.added(added)}</Success> : null}
    </>
  );
}
