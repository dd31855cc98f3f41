import type { PublishedQuestionnaire } from '@crux/domain/survey/questionnaire';
import { useApp } from '../app-context';
import { type Resource, useResource } from './use-resource';

/**
 * The survey questionnaire's published versions (oldest first), which every role may read: the leader
 * chooses one for a round, a round's results are worded by its version, and the figures pages name
 * the survey's lines by them.
 */
export function usePublishedQuestionnaires(): [Resource<PublishedQuestionnaire[]>, () => void] {
  const { api } = useApp();
  return useResource('survey:published', async () => {
    const answer = await api.get<{ published: PublishedQuestionnaire[] }>('/api/catalogue/survey');
    return answer.ok ? { ok: true, value: answer.value.published } : answer;
  });
}
