import type { Catalogue } from '@crux/domain/catalogue/lists';
import type { Text } from '@crux/domain/text';
import type { Api, ApiResult } from './client';

/** The foundation's catalogue, which names the arenas and income sources these pages offer. */
export async function loadCatalogue(api: Api): Promise<ApiResult<Catalogue>> {
  const answer = await api.get<{ catalogue: Catalogue; hash: string }>('/api/catalogue');
  return answer.ok ? { ok: true, value: answer.value.catalogue } : answer;
}

type Named = { id: string; name: Text; order: number; status: string };

/** A list's entries in use, in the catalogue's order: what a form offers. */
export const inUse = <E extends Named>(list: readonly E[]): E[] =>
  list.filter((e) => e.status === 'active').sort((a, b) => a.order - b.order);

/** An entry's name by id; a retired entry keeps its name, an unknown id shows as itself. */
export const nameOf = (list: readonly Named[], id: string): Text | undefined =>
  list.find((e) => e.id === id)?.name;
