/**
 * What the participant page's forms check before they save, loaded on first use (loadParticipantChecks):
 * built at import, these schemas and the validation library were the largest part of the page's first
 * long task, which is what Lighthouse's blocking time counts.
 */
export { ParticipantAccountCreate } from '@crux/domain/accounts';
export { ActivitiesCreate } from '@crux/domain/activity';
export { ParticipantUpdate, ParticipationEnd } from '@crux/domain/participant';
export { HoursCreate, MeasureCreate, SpanUpdate } from '@crux/domain/records/spans';
export { parse } from '@crux/domain/validation';
export { checkBody } from './check-body';
