import { todayInOslo } from '@crux/domain/calendar';
import { sharedWithPartners } from '@crux/domain/wheel/shared';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { paths } from '../routing/paths';
import { Link } from '../routing/router';
import { usePageTitle } from '../ui/page-title';
import { WheelChart } from '../ui/wheel-chart';
import { activeNamed, PlanPending, usePlanData } from './plan-data';

/**
 * The plan for partners, for a transition to another service: one A4 page in plain Norwegian (print CSS
 * in styles.css, `.partner-plan`) with the wheel, the goals, the steps and who does what, and the
 * partners; only the domains the participant agreed to share, each with the day of consent. It stands
 * on the same data as the wheel page (plan-data.tsx).
 */
export function PartnerPlanPage({ centre, id }: { centre: string; id: string }) {
  const { t, language, text } = useI18n();
  const { page, catalogue, reload } = usePlanData(centre, id);
  const name = page.state === 'ok' ? page.value.participant.displayName : '';
  usePageTitle(t.partnerPlan.title(name));

  if (page.state !== 'ok' || catalogue.state !== 'ok')
    return (
      <PlanPending title={t.partnerPlan.title(name)} page={page} catalogue={catalogue} reload={reload} />
    );

  const { participant, plan } = page.value;
  const shared = plan ? sharedWithPartners(plan) : null;
  // Only the shared domains are named at all: the printout says nothing of the others.
  const domains = activeNamed(catalogue.value.catalogue.wheelDomains, text).filter(
    (d) => shared && Object.hasOwn(shared.consent, d.id),
  );
  const nameOf = (domain: string) => domains.find((d) => d.id === domain)?.name ?? domain;
  const date = (d: string) => formatDate(d, language);

  return (
    <section className="stack partner-plan">
      <div className="no-print actions">
        <Link href={paths.wheel(centre, id)} className="ds-link">
          ← {t.partnerPlan.back}
        </Link>
        <button type="button" className="ds-button" data-variant="secondary" onClick={() => window.print()}>
          {t.partnerPlan.print}
        </button>
      </div>
      <h1 className="ds-heading" data-size="lg">
        {t.partnerPlan.title(participant.displayName)}
      </h1>
      <p>{t.partnerPlan.intro}</p>
      {!plan || !shared || domains.length === 0 ? (
        <p>{t.partnerPlan.nothingShared}</p>
      ) : (
        <>
          <div className="wheel-view">
            <WheelChart
              title={t.wheel.chartTitle(participant.displayName)}
              description={t.wheel.chartDescription}
              domains={domains}
              latest={{ key: 'plan', scale: plan.scale, positions: shared.positions }}
              earlier={[]}
            />
            <table className="ds-table" data-color="neutral" data-size="sm">
              <caption>{t.partnerPlan.now}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.wheel.domain}</th>
                  <th scope="col" className="num">
                    {`${plan.scale.min}–${plan.scale.max}`}
                  </th>
                </tr>
              </thead>
              <tbody>
                {domains.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">
                      {d.name}
                      <span className="hint block">
                        {t.partnerPlan.sharedSince(date(shared.consent[d.id] ?? ''))}
                      </span>
                    </th>
                    <td className="num">{shared.positions[d.id] ?? t.wheel.noValue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2 className="ds-heading" data-size="sm">
            {t.partnerPlan.goals}
          </h2>
          {shared.goals.length ? (
            <ul>
              {shared.goals.map((g) => (
                <li key={g.id}>
                  <strong>{nameOf(g.domain)}:</strong> {g.text}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t.wheel.noGoals}</p>
          )}
          <h2 className="ds-heading" data-size="sm">
            {t.partnerPlan.steps}
          </h2>
          {shared.steps.length ? (
            <table className="ds-table" data-color="neutral" data-size="sm">
              <thead>
                <tr>
                  <th scope="col">{t.partnerPlan.what}</th>
                  <th scope="col">{t.partnerPlan.who}</th>
                  <th scope="col">{t.partnerPlan.due}</th>
                </tr>
              </thead>
              <tbody>
                {shared.steps.map((s) => (
                  <tr key={s.id}>
                    <td>
                      {nameOf(s.domain)}: {s.what}
                    </td>
                    <td>{s.who}</td>
                    <td>{s.done ? t.wheel.doneOn(date(s.done)) : s.due ? date(s.due) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t.wheel.noSteps}</p>
          )}
          <h2 className="ds-heading" data-size="sm">
            {t.partnerPlan.partners}
          </h2>
          {shared.partners.length ? (
            <ul>
              {shared.partners.map((p) => (
                <li key={p.id}>
                  {p.organisation} ({p.domains.map(nameOf).join(', ')}) – {t.wheel.contact}: {p.contact}
                  {p.phone ? `, ${p.phone}` : ''}
                  {p.email ? `, ${p.email}` : ''}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t.wheel.noPartners}</p>
          )}
        </>
      )}
      <p className="hint">{t.partnerPlan.made(date(todayInOslo()))}</p>
    </section>
  );
}
