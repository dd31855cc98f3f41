import type { StoredCatalogue } from '@crux/domain/catalogue/request';
import type { CentreSettings } from '@crux/domain/centre-settings';
import { defineFigures, type FigureSet } from '@crux/domain/figures/define';
import { useMemo } from 'react';
import { useApp } from '../app-context';
import { type Resource, useResource } from './use-resource';

/**
 * The foundation's catalogue as the API serves it, for every page that names a kind or a figure: what
 * I dag offers, the lines of every figures table and the admin's catalogue page all come from it, so a
 * kind the admin adds appears everywhere without a new build.
 */
export function useCatalogue(): [Resource<StoredCatalogue>, () => void] {
  const { api } = useApp();
  return useResource('catalogue', () => api.get<StoredCatalogue>('/api/catalogue'));
}

/** The figures and table lines the catalogue defines, made once per catalogue version. */
export function useFigureSet(): [Resource<FigureSet>, () => void] {
  const [catalogue, reload] = useCatalogue();
  const value = catalogue.state === 'ok' ? catalogue.value.catalogue : null;
  const set = useMemo(() => (value ? defineFigures(value) : null), [value]);
  if (catalogue.state !== 'ok') return [catalogue, reload];
  return [{ state: 'ok', value: set as FigureSet }, reload];
}

/** The centre's own choices for I dag (the API answers the defaults until its leader has chosen). */
export function useCentreSettings(centre: string): [Resource<CentreSettings>, () => void] {
  const { api } = useApp();
  return useResource(`settings:${centre}`, () => api.get<CentreSettings>(`/api/centres/${centre}/settings`));
}
