import os from 'node:os';

/** A run's lease lasts this long unless its owner renews it. */
export const LEASE_TTL_MS = 15_000;
/** How often an owner renews its leases and looks for cancel requests from other processes. */
export const LEASE_TICK_MS = 1000;

/**
 * This process as a lease owner: host, pid and the instant the process started. The start time makes
 * the name unique even when the OS hands the pid to another process after a crash.
 */
export const PROCESS_OWNER = `${os.hostname()}/${process.pid}/${Math.round(performance.timeOrigin)}`;

export interface Lease {
  readonly owner: string | null;
  readonly expiresMs: number | null;
}

/**
 * Whether a lease still holds its run. Expired: no. Held by a process on this host whose pid no
 * longer exists: no, at once (a crash need not wait for expiry). A live pid of this host proves
 * nothing (pids are reused), so such a lease holds until it expires.
 */
export function leaseHolds(lease: Lease, now: number): boolean {
  if (!lease.owner || lease.expiresMs === null || lease.expiresMs <= now) return false;
  if (lease.owner === PROCESS_OWNER) return true;
  const [host, pid] = lease.owner.split('/');
  if (host !== os.hostname()) return true;
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
