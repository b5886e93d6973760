import { ExNodeError, msg } from '../../shared/index.js';
import type { ErrorCode, MessageKey, MessageRef, TestResult } from '../../shared/index.js';

interface DriverError {
  code?: string | number;
  errno?: number;
  number?: number;
  message?: string;
  sqlState?: string;
}

/** Driver and socket error codes mapped onto the closed set a technician can act on. */
const BY_CODE: Record<string, ErrorCode> = {
  ENOTFOUND: 'HOST_UNREACHABLE',
  EAI_AGAIN: 'HOST_UNREACHABLE',
  EHOSTUNREACH: 'HOST_UNREACHABLE',
  ENETUNREACH: 'HOST_UNREACHABLE',
  ECONNREFUSED: 'PORT_CLOSED',
  ETIMEDOUT: 'TIMEOUT',
  ETIMEOUT: 'TIMEOUT',
  PROTOCOL_SEQUENCE_TIMEOUT: 'TIMEOUT',
  ECONNRESET: 'CONNECTION_LOST',
  EPIPE: 'CONNECTION_LOST',
  PROTOCOL_CONNECTION_LOST: 'CONNECTION_LOST',
  // MySQL / MariaDB
  ER_ACCESS_DENIED_ERROR: 'LOGIN_FAILED',
  ER_BAD_DB_ERROR: 'DATABASE_NOT_FOUND',
  ER_DBACCESS_DENIED_ERROR: 'PERMISSION_DENIED',
  ER_TABLEACCESS_DENIED_ERROR: 'PERMISSION_DENIED',
  ER_NO_SUCH_TABLE: 'NOT_FOUND',
  ER_BAD_FIELD_ERROR: 'SCHEMA_MISMATCH',
  ER_COLUMNACCESS_DENIED_ERROR: 'PERMISSION_DENIED',
  ER_SPECIFIC_ACCESS_DENIED_ERROR: 'PERMISSION_DENIED',
  ER_OPTION_PREVENTS_STATEMENT: 'PERMISSION_DENIED', // the server runs with --read-only
  ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION: 'PERMISSION_DENIED',
  HANDSHAKE_SSL_ERROR: 'TLS_REFUSED',
  HANDSHAKE_NO_SSL_SUPPORT: 'TLS_REFUSED',
  // PostgreSQL SQLSTATE
  '28P01': 'LOGIN_FAILED',
  '28000': 'LOGIN_FAILED',
  '3D000': 'DATABASE_NOT_FOUND',
  '42501': 'PERMISSION_DENIED',
  '42P01': 'NOT_FOUND',
  '42703': 'SCHEMA_MISMATCH', // undefined_column
  '25006': 'PERMISSION_DENIED', // read_only_sql_transaction (a standby, or default_transaction_read_only)
  '57014': 'TIMEOUT',
  '08006': 'CONNECTION_LOST',
  '57P01': 'CONNECTION_LOST',
  // SQL Server (tedious)
  ELOGIN: 'LOGIN_FAILED',
  ESOCKET: 'PORT_CLOSED',
  // Oracle (node-oracledb thin)
  'ORA-01017': 'LOGIN_FAILED',
  'ORA-28000': 'LOGIN_FAILED',
  'ORA-12514': 'DATABASE_NOT_FOUND',
  'ORA-12505': 'DATABASE_NOT_FOUND',
  'ORA-12541': 'PORT_CLOSED',
  'ORA-01031': 'PERMISSION_DENIED',
  'ORA-00942': 'NOT_FOUND',
  'ORA-00904': 'SCHEMA_MISMATCH',
  'ORA-16000': 'PERMISSION_DENIED', // database open for read-only access
  'ORA-01013': 'TIMEOUT',
  'NJS-500': 'CONNECTION_LOST',
  'NJS-503': 'PORT_CLOSED',
  'NJS-510': 'TIMEOUT',
  'NJS-511': 'PORT_CLOSED',
  'NJS-518': 'DATABASE_NOT_FOUND',
  // SQLite
  SQLITE_CANTOPEN: 'DATABASE_NOT_FOUND',
  SQLITE_PERM: 'PERMISSION_DENIED',
  SQLITE_READONLY: 'PERMISSION_DENIED',
  SQLITE_BUSY: 'CONFLICT',
};

/** The catalog message that explains each code to a technician. */
const MESSAGES: Partial<Record<ErrorCode, MessageKey>> = {
  HOST_UNREACHABLE: 'connectors.hostUnreachable',
  PORT_CLOSED: 'connectors.portClosed',
  TIMEOUT: 'connectors.timeout',
  CONNECTION_LOST: 'connectors.connectionLost',
  LOGIN_FAILED: 'connectors.loginFailed',
  DATABASE_NOT_FOUND: 'connectors.databaseNotFound',
  PERMISSION_DENIED: 'connectors.permissionDenied',
  TLS_REFUSED: 'connectors.tlsRefused',
  NOT_FOUND: 'connectors.relationMissing',
  SCHEMA_MISMATCH: 'connectors.columnMissing',
};

/**
 * Failures no retry and no row-by-row fallback can mend: the table or a column is gone, the user
 * may not write, the database is read-only, the login or database is wrong. A run stops on them at
 * once with the reason instead of rejecting every row.
 */
export const TERMINAL_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'NOT_FOUND', 'SCHEMA_MISMATCH', 'PERMISSION_DENIED', 'LOGIN_FAILED', 'DATABASE_NOT_FOUND',
]);

export function isTerminal(error: unknown): boolean {
  return error instanceof ExNodeError && TERMINAL_CODES.has(error.code);
}

/** SQL Server error numbers that say more than tedious's generic ELOGIN / EREQUEST codes. */
const BY_NUMBER: Record<number, ErrorCode> = {
  4060: 'DATABASE_NOT_FOUND',
  18456: 'LOGIN_FAILED',
  229: 'PERMISSION_DENIED',
  262: 'PERMISSION_DENIED',
  3906: 'PERMISSION_DENIED', // the database is read-only
  208: 'NOT_FOUND',
  207: 'SCHEMA_MISMATCH', // invalid column name
};

/** MySQL / MariaDB error numbers the driver has no code name for. */
const BY_MYSQL_ERRNO: Record<number, ErrorCode> = {
  1969: 'TIMEOUT', // MariaDB: max_statement_time exceeded
  3024: 'TIMEOUT', // MySQL: max_execution_time exceeded
};

function codeOf(error: DriverError): ErrorCode | undefined {
  if (error.number !== undefined && BY_NUMBER[error.number]) return BY_NUMBER[error.number];
  if (error.errno !== undefined && error.sqlState !== undefined && BY_MYSQL_ERRNO[error.errno]) return BY_MYSQL_ERRNO[error.errno];
  if (/Cannot open database/i.test(error.message ?? '')) return 'DATABASE_NOT_FOUND';
  for (const key of [error.code, error.sqlState]) {
    if (key !== undefined && BY_CODE[String(key)]) return BY_CODE[String(key)];
  }
  const message = error.message ?? '';
  if (/timeout|timed out/i.test(message)) return 'TIMEOUT';
  if (/ECONNREFUSED/.test(message)) return 'PORT_CLOSED';
  if (/ENOTFOUND|EAI_AGAIN|EHOSTUNREACH/.test(message)) return 'HOST_UNREACHABLE';
  if (/password authentication failed|Access denied for user|Login failed/i.test(message)) return 'LOGIN_FAILED';
  if (/database .* does not exist|Unknown database|Cannot open database/i.test(message)) return 'DATABASE_NOT_FOUND';
  if (/SSL|TLS/i.test(message) && /not support|refus|required/i.test(message)) return 'TLS_REFUSED';
  // SQLite says it in words only (code SQLITE_ERROR).
  if (/^no such (table|view)\b/i.test(message)) return 'NOT_FOUND';
  if (/^no such column\b|has no column named/i.test(message)) return 'SCHEMA_MISMATCH';
  if (/attempt to write a readonly database/i.test(message)) return 'PERMISSION_DENIED';
  return undefined;
}

/** Removes anything that looks like a secret from a driver message before it is shown or logged. */
export function redact(message: string, secrets: readonly (string | undefined)[]): string {
  let out = message;
  for (const secret of secrets) {
    if (secret && secret.length >= 3) out = out.split(secret).join('***');
  }
  return out.replace(/(password|pwd)\s*=\s*[^;\s]+/gi, '$1=***');
}

/**
 * Turns a driver failure into an ExNodeError with a message a technician can act on; the driver's
 * own words follow in brackets, with secrets removed.
 */
export function classifyError(error: unknown, context: { what: MessageRef; secrets?: readonly (string | undefined)[] }): ExNodeError {
  if (error instanceof ExNodeError) return error;
  const driver = (error ?? {}) as DriverError;
  const raw = redact(String(driver.message ?? error), context.secrets ?? []);
  const code = codeOf(driver) ?? 'INTERNAL';
  return new ExNodeError(code, msg(MESSAGES[code] ?? 'connectors.failed', { what: context.what, detail: raw }), { cause: error });
}

/** What the node was doing, on which connection: the `{what}` of a classified failure. */
export function actionOn(capabilities: { label: string }, connection: string, action: MessageRef): MessageRef {
  return msg('connectors.on', { action, label: capabilities.label, name: connection });
}

/** A failed connection test: the classified error's code, message and message key, as TestResult carries them. */
export function failedTest(e: ExNodeError, latencyMs?: number): TestResult {
  const ref = e.ref ? { key: e.ref.key, ...(e.ref.params ? { params: e.ref.params as Record<string, unknown> } : {}) } : {};
  return { ok: false, errorCode: e.code, message: e.message, ...ref, ...(latencyMs === undefined ? {} : { latencyMs }) };
}
