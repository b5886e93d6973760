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
  'users.manage',
  'audit.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = ['node.read', 'connections.read', 'bridges.read'];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  sysadmin: [...READ, 'connections.write', 'connections.test', 'bridges.write', 'bridges.run', 'exchange.write'],
  secadmin: ['node.read', 'users.manage'],
  auditor: ['node.read', 'audit.read'],
  operator: [...READ, 'connections.test', 'bridges.run'],
  viewer: READ,
});

export function rolesAllow(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}
