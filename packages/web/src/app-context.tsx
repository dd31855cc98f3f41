import { createContext, useContext } from 'react';
import type { Api } from './api/client';
import type { Claims } from './auth/claims';
import type { RuntimeConfig } from './config';

/** What every signed-in page needs: the settings, who is signed in, and the API bound to their token. */
export type AppContextValue = {
  config: RuntimeConfig;
  claims: Claims;
  api: Api;
  signOut: () => void;
};

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp outside a signed-in page');
  return app;
}
