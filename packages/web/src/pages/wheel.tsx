import { todayInOslo } from '@crux/domain/calendar';
import type { Plan, Step } from '@crux/domain/wheel/schema';
import { useState } from 'react';
import { useApp } from '../app-context';
import { EditPlan } from '../forms/edit-plan';
import { OwnPlan } from '../forms/own-plan';
import { RecordConversation } from '../forms/record-conversation';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { paths } from '../routing/paths';
import { Link } from '../routing/router';
import { usePageTitle } from '../ui/page-title';
import { ScrollRegion } from '../ui/scroll-region';
import { Alert, Success } from '../ui/status';
import { WheelChart, type WheelDomain, type WheelRing } from '../ui/wheel-chart';
import { activeNamed, PlanPending, usePlanData } from './plan-data';

/**
 * The participant's wheel and plan: on a phone the wheel comes first, with the same numbers in a table
 * beside it; then the goals, the steps (marked done here, by staff or by the participant), the partners
 * and every conversation. Staff record a conversation at the bottom. One request for the page, one for
 * the catalogue's domains and scale.
 */
export function WheelPage({ centre, id }: { centre: string; id: string }) {
  const { t, language, text } = useI18n();
  const { api, claims } = useApp();
  const { page, catalogue, reload } = usePlanData(centre, id);
  const [notice, setNotice] = useState<string | null>(null);
  const [stepConflict, setStepConflict] = useState(false);
  const name = page.state === 'ok' ? page.value.participant.displayName : t.wheel.title;
  usePageTitle(`${t.wheel.title} – ${name}`);

  if (page.state !== 'ok' || catalogue.state !== 'ok')
    return <PlanPending title={t.wheel.title} page={page} catalogue={catalogue} reload={reload} />;

  const { participant, plan, conversations } = page.value;
  const settings = catalogue.value.catalogue.settings.wheelScale;
  const domains: WheelDomain[] = activeNamed(catalogue.value.catalogue.wheelDomains, text);
  const partnerTypes = activeNamed(catalogue.value.catalogue.partnerTypes, text);
  const planForm = { centre, participantId: id, plan, domains, scale: settings };
  const history = [...conversations].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const ring = (key: string, r: { scale: Plan['scale']; positions: Plan['positions'] }): WheelRing => ({
    key,
    scale: r.scale,
    positions: r.positions.participant,
  });
  const latest = plan ? ring('plan', plan) : null;
  const earlier = history.slice(0, -1).map((c) => ring(c.id, c));
  const first = history[0];
  const isStaff = claims.role === 'staff' || claims.role === 'leader';
  const shown = (v: number | undefined) => (v === undefined ? t.wheel.noValue : String(v));

  const markStep = async (step: Step, done: boolean) => {
    if (!plan) return;
    setStepConflict(false);
    const result = await api.put(`/api/centres/${centre}/participants/${id}/plan/steps/${step.id}`, {
      version: plan.version,
      done: done ? todayInOslo() : null,
    });
    if (result.ok) setNotice(t.wheel.stepSaved);
    else if (result.failure.kind === 'http' && result.failure.status === 409) setStepConflict(true);
    reload();
  };

  return (
    <section className="stack">
      {isStaff ? (
        <p>
          <Link href={paths.participant(centre, id)} className="ds-link">
            ← {participant.displayName}
          </Link>
        </p>
      ) : null}
      <h1 className="ds-heading" data-size="lg">
        {t.wheel.title} – {participant.displayName}
      </h1>
      {notice ? <Success>{notice}</Success> : null}
      <div className="wheel-view">
        <WheelChart
          title={t.wheel.chartTitle(participant.displayName)}
          description={t.wheel.chartDescription}
          domains={domains}
          latest={latest}
          earlier={earlier}
        />
        <div className="stack">
          <ScrollRegion labelledBy="wheel-table-title">
            <table className="ds-table" data-color="neutral">
              <caption id="wheel-table-title">{t.wheel.tableTitle}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.wheel.domain}</th>
                  <th scope="col" className="num">
                    {t.wheel.ownView}
                  </th>
                  <th scope="col" className="num">
                    {t.wheel.staffView}
                  </th>
                  <th scope="col" className="num">
                    {t.wheel.firstView}
                  </th>
                </tr>
              </thead>
              <tbody>
                {domains.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.name}</th>
                    <td className="num">{shown(plan?.positions.participant[d.id])}</td>
                    <td className="num">{shown(plan?.positions.staff[d.id])}</td>
                    <td className="num">{shown(first?.positions.participant[d.id])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p className="hint">
            {t.wheel.scale(settings.min, settings.max, text(settings.low), text(settings.high))}
          </p>
        </div>
      </div>
      {plan ? null : <p>{t.wheel.noPlan}</p>}

      <h2 className="ds-heading" data-size="md">
        {t.wheel.goals}
      </h2>
      {plan?.goals.length ? (
        <ul>
          {plan.goals.map((g) => (
            <li key={g.id}>
              <strong>{domains.find((d) => d.id === g.domain)?.name ?? g.domain}:</strong> {g.text}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.wheel.noGoals}</p>
      )}

      <h2 className="ds-heading" data-size="md">
        {t.wheel.steps}
      </h2>
      {stepConflict ? <Alert>{t.wheel.conflict}</Alert> : null}
      {plan?.steps.length ? (
        <ul className="steps">
          {plan.steps.map((s) => (
            <li key={s.id} className="stack">
              <p>
                <strong>{s.what}</strong> – {t.wheel.who}: {s.who}
                {s.due ? ` – ${t.wheel.due}: ${formatDate(s.due, language)}` : ''}
                {s.done ? ` – ${t.wheel.doneOn(formatDate(s.done, language))}` : ''}
              </p>
              <button
                type="button"
                className="ds-button"
                data-variant="secondary"
                aria-label={s.done ? t.wheel.markUndone(s.what) : t.wheel.markDone(s.what)}
                onClick={() => markStep(s, !s.done)}
              >
                {s.done ? t.wheel.undoneButton : t.wheel.doneButton}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.wheel.noSteps}</p>
      )}

      <h2 className="ds-heading" data-size="md">
        {t.wheel.partners}
      </h2>
      {plan?.partners.length ? (
        <ul>
          {plan.partners.map((p) => (
            <li key={p.id}>
              {p.organisation} – {t.wheel.contact}: {p.contact}
              {p.phone ? `, ${p.phone}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.wheel.noPartners}</p>
      )}
      {isStaff ? (
        <>
          <EditPlan
            {...planForm}
            partnerTypes={partnerTypes}
            onSaved={() => {
              setNotice(t.plan.saved);
              reload();
            }}
            onDiscard={reload}
          />
          <p>
            <Link href={paths.partnerPlan(centre, id)} className="ds-link">
              {t.plan.printLink}
            </Link>
          </p>
        </>
      ) : null}

      <h2 className="ds-heading" data-size="md">
        {t.wheel.history}
      </h2>
      {history.length ? (
        <ol reversed className="stack">
          {[...history].reverse().map((c) => (
            <li key={c.id}>
              <h3 className="ds-heading" data-size="xs">
                {formatDate(c.date, language)}
              </h3>
              <p>
                {t.wheel.attendees}: {c.attendees.join(', ')}
              </p>
              <p>
                {domains
                  .filter((d) => c.positions.participant[d.id] !== undefined)
                  .map((d) => `${d.name} ${c.positions.participant[d.id]}`)
                  .join(', ')}
              </p>
              {c.notes ? <p className="notes">{c.notes}</p> : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t.wheel.noHistory}</p>
      )}

      {claims.role === 'participant' ? (
        <>
          <p>
            <Link href={paths.accessReport(centre, id)} className="ds-link">
              {t.ownPlan.readers}
            </Link>
          </p>
          <OwnPlan
            {...planForm}
            onSaved={() => {
              setNotice(t.ownPlan.saved);
              reload();
            }}
            onConflict={reload}
          />
        </>
      ) : null}

      {isStaff ? (
        <RecordConversation
          key={plan?.version ?? 0}
          {...planForm}
          onSaved={() => {
            setNotice(t.wheel.saved);
            reload();
          }}
          onConflict={reload}
        />
      ) : null}
    </section>
  );
}
