import { table } from './table';

/**
 * The index a participant's own log is read from (`accessLogKeys.personPk`): the participations' GSI1,
 * used sparsely, so the log needs no index of its own and an existing table no migration. Plain data, so
 * infra reads it as the store does.
 */
export const personLogIndex = table.indexes[0];
