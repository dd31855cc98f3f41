import { defineFigures, type FigureSet } from '@crux/domain/figures/define';
import { useCallback, useMemo } from 'react';
import { useCatalogue } from './catalogue';
import { usePublishedQuestionnaires } from './survey';
import type { Resource } from './use-resource';

/**
 * The figures and table lines the catalogue defines, with the survey's from its published versions (a
 * line group of its own), made once per catalogue and set of versions. Apart from catalogue.ts, so the
 * definitions load with the figures pages only, not with every page that reads the catalogue (I dag).
 */
export function useFigureSet(): [Resource<FigureSet>, () => void] {
  const [catalogue, reloadCatalogue] = useCatalogue();
  const [published, reloadPublished] = usePublishedQuestionnaires();
  const value = catalogue.state === 'ok' ? catalogue.value.catalogue : null;
  const versions = published.state === 'ok' ? published.value : null;
  const set = useMemo(() => (value && versions ? defineFigures(value, versions) : null), [value, versions]);
  const reload = useCallback(() => {
    reloadCatalogue();
    reloadPublished();
  }, [reloadCatalogue, reloadPublished]);
  if (catalogue.state !== 'ok') return [catalogue, reload];
  if (published.state !== 'ok') return [published, reload];
  return [{ state: 'ok', value: set as FigureSet }, reload];
}
