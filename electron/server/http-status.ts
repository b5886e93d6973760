import type { ErrorCode } from '../../shared/index.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNKNOWN_OPERATION: 404,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  CONFLICT: 409,
  CANCELLED: 409,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNSUPPORTED: 422,
  SCHEMA_MISMATCH: 422,
  ROW_REJECTED: 422,
  INTERNAL: 500,
};

/** HTTP status for an error code; database-side failures are a bad gateway (502). */
export function httpStatusFor(code: ErrorCode): number {
  return STATUS[code] ?? 502;
}
