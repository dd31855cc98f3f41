/** What I dag checks before it saves, loaded on the first save (see today.tsx). */
export { ActivitiesCreate } from '@crux/domain/activity';
export { parse } from '@crux/domain/validation';
