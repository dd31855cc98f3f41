import type { Catalogue } from '@crux/domain/catalogue/lists';
import type { StoredCatalogue } from '@crux/domain/catalogue/request';
import type { CentreSettings } from '@crux/domain/centre-settings';
import type { Text } from '@crux/domain/text';
import { useApp } from '../app-context';
import type { Api, ApiResult } from './client';
import { catalogueRead } from './reads';
import { type Resource, useResource } from './use-resource';

/**
 * The foundation's catalogue as the API serves it, for every page that names a kind or a figure: what
 * I dag offers, the lines of every figures table and the admin's catalogue page all come from it, so a
 * kind the admin adds appears everywhere without a new build.
 */
export function useCatalogue(): [Resource<StoredCatalogue>, () => void] {
  const { api } = useApp();
  return useResource('catalogue', () => api.get<StoredCatalogue>(catalogueRead));
}

/** The centre's own choices for I dag (the API answers the defaults until its leader has chosen). */
export function useCentreSettings(centre: string): [Resource<CentreSettings>, () => void] {
  const { api } = useApp();
  return useResource(`settings:${centre}`, () => api.get<CentreSettings>(`/api/centres/${centre}/settings`));
}

/** The foundation's catalogue, which names the arenas and income sources these pages offer. */
export async function loadCatalogue(api: Api): Promise<ApiResult<Catalogue>> {
  const answer = await api.get<{ catalogue: Catalogue; hash: string }>(catalogueRead);
  return answer.ok ? { ok: true, value: answer.value.catalogue } : answer;
}

type Named = { id: string; name: Text; order: number; status: string };

/** A list's entries in use, in the catalogue's order: what a form offers. */
export const inUse = <E extends Named>(list: readonly E[]): E[] =>
  list.filter((e) => e.status === 'active').sort((a, b) => a.order - b.order);

/** An entry's name by id; a retired entry keeps its name, an unknown id shows as itself. */
export const nameOf = (list: readonly Named[], id: string): Text | undefined =>
  list.find((e) => e.id === id)?.name;
