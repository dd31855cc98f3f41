import * as z from 'zod/mini';
import { type Role as RoleName, roles } from './roles';

/**
 * A role claim or field, checked: exactly one of `roles`. Apart from roles.ts, so that code needing
 * only the list (the web client's first page, through the audience table) does not load zod.
 */
export const Role = z.enum(roles);
export type Role = RoleName;
