import type { Participant } from '@crux/domain/participant';
import { useRef, useState } from 'react';
import { useCatalogue } from '../api/catalogue';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { EditParticipant } from '../forms/edit-participant';
import { EndParticipation } from '../forms/end-participation';
import { EraseParticipant } from '../forms/erase-participant';
import { ParticipantAccess } from '../forms/participant-access';
import { displayValue } from '../forms/participant-display';
import { ParticipantRecords } from '../forms/participant-records';
import { editableFields, valuesOf } from '../forms/participant-values';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { mayCall, mayOpen } from '../routing/access';
import { paths } from '../routing/paths';
import { Link, useRouter } from '../routing/router';
import { FailureView } from '../ui/failure';
import { usePageTitle } from '../ui/page-title';
import { Notice, Progress, Success } from '../ui/status';
import { NotFoundPage } from './not-found';

export function ParticipantPage({ centre, id }: { centre: string; id: string }) {
  const { t, language } = useI18n();
  const { api, claims } = useApp();
  const { search } = useRouter();
  const [resource, reload] = useResource(`${centre}:${id}`, () =>
    api.get<Participant>(`/api/centres/${centre}/participants/${id}`),
  );
  const [notice, setNotice] = useState<'created' | 'updated' | 'ended' | null>(
    new URLSearchParams(search).has('ny') ? 'created' : null,
  );
  const [erased, setErased] = useState(false);
  const [catalogue] = useCatalogue();
  // While a change is read back, the page keeps what it showed: its forms and their notices stay put.
  const shown = useRef<Participant | null>(null);
  if (resource.state === 'ok') shown.current = resource.value;
  else if (resource.state === 'failed') shown.current = null;
  const participant = shown.current?.id === id ? shown.current : null;
  usePageTitle(participant?.displayName ?? t.participants.title);

  if (resource.state === 'failed' && resource.failure.kind === 'http' && resource.failure.status === 404) {
    return <NotFoundPage />;
  }
  // Erased: the record is no more (a reload would be 404); the page says so in its place.
  if (erased) {
    return (
      <section className="stack">
        <h1 className="ds-heading" data-size="lg">
          {t.rights.eraseTitle}
        </h1>
        <Success>{t.rights.erased}</Success>
        <p>
          <Link href={paths.participants(centre)} className="ds-link">
            {t.rights.back}
          </Link>
        </p>
      </section>
    );
  }
  const values = participant ? valuesOf(participant) : null;
  return (
    <section className="stack">
      <p>
        <Link href={paths.participants(centre)} className="ds-link">
          ← {t.participants.title}
        </Link>
      </p>
      <h1 className="ds-heading" data-size="lg">
        {participant?.displayName ?? t.participants.title}
      </h1>
      {resource.state === 'loading' ? <Progress label={t.loading} /> : null}
      {resource.state === 'failed' ? <FailureView failure={resource.failure} retry={reload} /> : null}
      {notice ? <Success>{t.participant[notice]}</Success> : null}
      {participant && values ? (
        <>
          <p>
            <Link href={paths.wheel(centre, id)} className="ds-link">
              {t.wheel.open}
            </Link>
          </p>
          <h2 className="ds-heading" data-size="md">
            {t.participant.details}
          </h2>
          <dl className="details">
            {editableFields.map((f) => (
              <div key={f}>
                <dt>{t.participant[f]}</dt>
                <dd>{displayValue(f, values, t, language)}</dd>
              </div>
            ))}
          </dl>
          {participant.endDate && participant.outcome ? (
            <Notice>
              {t.participant.endedAt(
                formatDate(participant.endDate, language),
                t.participant.outcomes[participant.outcome],
              )}
            </Notice>
          ) : null}
          {mayOpen(claims, { page: 'accessReport', centre, id }) ? (
            <p>
              <Link href={paths.accessReport(centre, id)} className="ds-link">
                {t.accessLog.reportLink}
              </Link>
            </p>
          ) : null}
          {mayOpen(claims, { page: 'participantExport', centre, id }) ? (
            <p>
              <Link href={paths.participantExport(centre, id)} className="ds-link">
                {t.rights.exportLink}
              </Link>
            </p>
          ) : null}
          <EditParticipant
            centre={centre}
            participant={participant}
            onSaved={() => {
              setNotice('updated');
              reload();
            }}
          />
          {participant.endDate ? null : (
            <EndParticipation
              centre={centre}
              participant={participant}
              onEnded={() => {
                setNotice('ended');
                reload();
              }}
              onConflict={reload}
            />
          )}
          {mayCall(claims, 'POST /api/centres/{centreId}/participants/{participantId}/account', centre) ? (
            <ParticipantAccess centre={centre} participant={id} ended={Boolean(participant.endDate)} />
          ) : null}
          {catalogue.state === 'ok' ? (
            <ParticipantRecords
              centre={centre}
              participant={participant}
              catalogue={catalogue.value.catalogue}
              onChanged={reload}
            />
          ) : null}
          {mayCall(claims, 'POST /api/centres/{centreId}/participants/{participantId}/erasure', centre) ? (
            <EraseParticipant
              centre={centre}
              participant={participant}
              onErased={() => setErased(true)}
              onConflict={reload}
            />
          ) : null}
        </>
      ) : null}
    </section>
  );
}
