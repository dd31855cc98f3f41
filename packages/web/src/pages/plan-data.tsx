import type { Catalogue } from '@crux/domain/catalogue/lists';
import type { Text } from '@crux/domain/text';
import type { PlanPage } from '@crux/domain/wheel/schema';
import { useCatalogue } from '../api/catalogue';
import { planRead } from '../api/reads';
import type { Resource } from '../api/use-resource';
import { useResource } from '../api/use-resource';
import { useApp } from '../app-context';
import { useI18n } from '../i18n/i18n';
import { FailureView } from '../ui/failure';
import { Progress } from '../ui/status';
import { NotFoundPage } from './not-found';

/**
 * What the pages of a participant's plan stand on (the wheel page, the plan for partners): the
 * participant's item collection in one request, and the catalogue's domains, partner types and scale.
 * Both pages share the plan's cache key, so going from one to the other asks again only on reload.
 */
export function usePlanData(centre: string, id: string) {
  const { api } = useApp();
  const [page, reload] = useResource(`${centre}:${id}:plan`, () => api.get<PlanPage>(planRead(centre, id)));
  const [catalogue] = useCatalogue();
  return { page, catalogue, reload };
}

type Pending = {
  title: string;
  page: Resource<PlanPage>;
  catalogue: Resource<{ catalogue: Catalogue }>;
  reload: () => void;
};

/** Until both have come: a participant not found (or not one's own) as any page not found, else progress or the failure. */
export function PlanPending({ title, page, catalogue, reload }: Pending) {
  const { t } = useI18n();
  if (page.state === 'failed' && page.failure.kind === 'http' && page.failure.status === 404)
    return <NotFoundPage />;
  const failed = page.state === 'failed' ? page : catalogue.state === 'failed' ? catalogue : null;
  return (
    <section className="stack">
      <h1 className="ds-heading" data-size="lg">
        {title}
      </h1>
      {failed ? <FailureView failure={failed.failure} retry={reload} /> : <Progress label={t.loading} />}
    </section>
  );
}

type Listed = { id: string; name: Text; order: number; status: string };

/** A catalogue list's entries still in use, in the catalogue's order, named in the page's language. */
export function activeNamed(list: readonly Listed[], text: (name: Text) => string) {
  return [...list]
    .filter((entry) => entry.status === 'active')
    .sort((a, b) => a.order - b.order)
    .map((entry) => ({ id: entry.id, name: text(entry.name) }));
}
