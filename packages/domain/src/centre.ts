import * as z from 'zod/mini';
import { SingleLine } from './text-input';

/** Centre ids are slugs (`tromso`, `ovre-eiker`): they become part of partition keys, so never `#`. */
export const CentreId = z
  .string()
  .check(z.minLength(2), z.maxLength(40), z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));
export type CentreId = z.infer<typeof CentreId>;

export const CentreInput = z.strictObject({
  id: CentreId,
  name: SingleLine(2, 100),
  town: SingleLine(2, 60),
});
export type CentreInput = z.infer<typeof CentreInput>;

export type Centre = CentreInput & { createdAt: string };
