import { addDays, compareDates, todayInOslo } from '@crux/domain/calendar';
import { type Catalogue, compareOrder } from '@crux/domain/catalogue/lists';
import type { CatalogueListed } from '@crux/domain/catalogue/schema';
import type { Participant } from '@crux/domain/participant';
import type { HoursEntry, Span } from '@crux/domain/records/spans';
import { useState } from 'react';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { FailureView } from '../ui/failure';
import { Notice, Success } from '../ui/status';
import { OrderHours, ParticipantActivity } from './participant-entries';
import { AddSpanForm, SpanList } from './span-forms';
import type { Written } from './use-write';

type Props = { centre: string; participant: Participant; catalogue: Catalogue; onChanged: () => void };

const inUse = (types: readonly CatalogueListed[]) =>
  types.filter((t) => t.status === 'active').sort(compareOrder);

/**
 * The participant's measures, correctional orders with the hours served on them, and the activities
 * that name them (a cabin trip): each type from the catalogue, so a type the admin adds is offered here.
 */
export function ParticipantRecords({ centre, participant, catalogue, onChanged }: Props) {
  const { t, text, language } = useI18n();
  const r = t.records;
  const [notice, setNotice] = useState<string | null>(null);
  const base = `/api/centres/${centre}/participants/${participant.id}`;
  const written =
    (message: string): Written =>
    (outcome) => {
      setNotice(outcome === 'saved' ? message : r.conflict);
      onChanged();
    };
  const nameIn = (types: readonly CatalogueListed[], id: string) => {
    const type = types.find((x) => x.id === id);
    return type ? text(type.name) : id;
  };
  const period = (s: Span) =>
    r.period(formatDate(s.startDate, language), s.endDate ? formatDate(s.endDate, language) : null);
  const byStart = (a: Span, b: Span) => compareDates(a.startDate, b.startDate);
  const measures = Object.values(participant.measures ?? {}).sort(byStart);
  const orders = Object.values(participant.orders ?? {}).sort(byStart);
  const { api } = useApp();
  // The hours of the last year (a listing covers a year at most): what staff correct is recent.
  const [hours, reloadHours] = useResource(`hours:${participant.id}`, () => {
    const to = todayInOslo();
    return api.get<{ items: HoursEntry[] }>(`/api/centres/${centre}/hours`, {
      from: addDays(to, -365),
      to,
      participantId: participant.id,
    });
  });

  return (
    <>
      {notice === r.conflict ? <Notice>{notice}</Notice> : notice ? <Success>{notice}</Success> : null}
      <h2 className="ds-heading" data-size="md">
        {r.measuresTitle}
      </h2>
      <p>{r.measuresIntro}</p>
      <SpanList
        spans={measures}
        name={(s) => nameIn(catalogue.measureTypes, s.type)}
        period={period}
        path={(s) => `${base}/measures/${s.id}`}
        empty={r.noMeasures}
        onWritten={written(r.measureSaved)}
      />
      <AddSpanForm
        idPrefix="measure"
        path={`${base}/measures`}
        title={r.addMeasure}
        types={inUse(catalogue.measureTypes)}
        onWritten={written(r.measureSaved)}
      />

      <h2 className="ds-heading" data-size="md">
        {r.ordersTitle}
      </h2>
      <p>{r.ordersIntro}</p>
      {hours.state === 'failed' ? <FailureView failure={hours.failure} retry={reloadHours} /> : null}
      <SpanList
        spans={orders}
        name={(s) => nameIn(catalogue.orderTypes, s.type)}
        period={period}
        path={(s) => `${base}/orders/${s.id}`}
        empty={r.noOrders}
        onWritten={written(r.orderSaved)}
        extra={(s) => (
          <OrderHours
            path={`${base}/orders/${s.id}/hours`}
            order={s}
            name={nameIn(catalogue.orderTypes, s.type)}
            entries={hours.state === 'ok' ? hours.value.items.filter((h) => h.orderId === s.id) : []}
            onWritten={(outcome) => {
              written(r.hoursSaved)(outcome);
              reloadHours();
            }}
            onRemoved={() => {
              setNotice(r.hoursRemoved);
              reloadHours();
              onChanged();
            }}
          />
        )}
      />
      <AddSpanForm
        idPrefix="order"
        path={`${base}/orders`}
        title={r.addOrder}
        types={inUse(catalogue.orderTypes)}
        onWritten={written(r.orderSaved)}
      />
      <ParticipantActivity centre={centre} participant={participant} catalogue={catalogue} />
    </>
  );
}
