/**
 * What the plan forms check before they save, loaded on the first save: built at import, the plan's
 * schemas were part of the plan page's first long task (Lighthouse's blocking time).
 */
export { OwnPlanUpdate, PlanUpdate } from '@crux/domain/wheel/schema';
export { checkBody } from './check-body';
