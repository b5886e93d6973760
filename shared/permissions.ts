/** Roles of DESIGN.md section 7; no account holds two of the three admin roles (三员分立). */
export const ROLES = ['sysadmin', 'secadmin', 'auditor', 'operator', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const ADMIN_ROLES: readonly Role[] = ['sysadmin', 'secadmin', 'auditor'];

export const PERMISSIONS = [
  'node.read',
  'connections.read',
  'connections.write',
  'connections.test',
  'bridges.read',
  'bridges.write',
  'bridges.run',
  'exchange.write',
  /** Schedules: set, deploy, stop, pause and resume. */
  'schedules.write',
  'alerts.read',
  'alerts.ack',
  /** Alert rules and notification channels (webhooks, e-mail). */
  'alerts.configure',
  /** Per-bridge watch settings (freshness limit, data reconciliation schedule, "source stopped changing"): operators watch bridges. */
  'monitor.tune',
  'catalog.read',
  'catalog.write',
  'config.export',
  'config.import',
  'diagnostics.collect',
  /** The directories SQLite connections may use (a system administrator's setting). */
  'files.configure',
  /** Accounts, roles, sessions. */
  'users.manage',
  /** Password policy, audit retention and the other security settings. */
  'security.configure',
  'audit.read',
  /** What every signed-in account may do for itself: who am I, change my password, sign out. */
  'session.self',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['node.read', 'connections.read', 'bridges.read', 'alerts.read', 'catalog.read', 'session.self'];

/** Who may do what (DESIGN.md section 7). The engine checks it on every call, whatever the shell. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  sysadmin: [
    ...READ, 'connections.write', 'connections.test', 'bridges.write', 'bridges.run', 'exchange.write', 'schedules.write',
    'alerts.ack', 'alerts.configure', 'monitor.tune', 'catalog.write', 'config.export', 'config.import', 'diagnostics.collect',
    'files.configure',
  ],
  secadmin: ['node.read', 'session.self', 'users.manage', 'security.configure'],
  auditor: ['node.read', 'session.self', 'audit.read'],
  operator: [...READ, 'connections.test', 'bridges.run', 'alerts.ack', 'monitor.tune'],
  viewer: READ,
});

export function rolesAllow(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}
