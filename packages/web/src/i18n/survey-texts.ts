import { useI18n } from './i18n';
import { surveyEn } from './survey-en';
import { surveyNb } from './survey-nb';

/**
 * The survey pages' texts in the user's language. Apart from the app's messages, so they load with
 * the survey's pages and not with the first page every user waits for.
 */
export function useSurveyTexts() {
  const { language } = useI18n();
  return language === 'nb' ? surveyNb : surveyEn;
}
