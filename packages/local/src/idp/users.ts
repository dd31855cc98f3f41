import { createHash, timingSafeEqual } from 'node:crypto';
import type { CentreId } from '@crux/domain/centre';
import type { Role } from '@crux/domain/roles';

/** A person who can sign in, with what the tokens say about them. */
export type IdpUser = {
  username: string;
  /** Stable id, like Cognito's `sub`: records refer to it, so it never changes with the username. */
  sub: string;
  role: Role;
  /** For staff, leader, volunteer and participant only. */
  centre?: CentreId;
  /** For a participant only: whose plan they are. */
  participant?: string;
  /** Shown in the web client. */
  name: string;
};

export type UserDirectory = {
  authenticate(username: string, password: string): IdpUser | undefined;
  bySub(sub: string): IdpUser | undefined;
};

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Every user shares one password, printed at start: this directory is for one machine's demo only. */
export function sharedPasswordDirectory(users: readonly IdpUser[], password: string): UserDirectory {
  const byName = new Map(users.map((u) => [u.username, u]));
  const bySub = new Map(users.map((u) => [u.sub, u]));
  const expected = digest(password);
  return {
    authenticate(username, given) {
      // Compare in constant time, and do so even for an unknown name, so timing tells nothing.
      const match = timingSafeEqual(digest(given), expected);
      const user = byName.get(username.trim().toLowerCase());
      return match && user ? user : undefined;
    },
    bySub: (sub) => bySub.get(sub),
  };
}
