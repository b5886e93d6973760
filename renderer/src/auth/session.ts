import { createContext, useContext } from 'react';
import { rolesAllow, type Permission, type SignedInUser } from '../../../shared/index.js';

export interface SessionState {
  readonly user: SignedInUser;
  signOut(): Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

/** The signed-in account (the AuthGate renders the console only with one). */
export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the AuthGate');
  return session;
}

export function useCan(permission: Permission): boolean {
  return rolesAllow(useSession().user.roles, permission);
}
