import { z } from 'zod';

/** Every failure that crosses the engine boundary carries one of these codes. */
export const ERROR_CODES = [
  'UNKNOWN_OPERATION',
  'INVALID_INPUT',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'HOST_UNREACHABLE',
  'PORT_CLOSED',
  'TLS_REFUSED',
  'LOGIN_FAILED',
  'DATABASE_NOT_FOUND',
  'PERMISSION_DENIED',
  'TIMEOUT',
  'CONNECTION_LOST',
  'DRIVER_MISSING',
  'UNSUPPORTED',
  'SCHEMA_MISMATCH',
  'ROW_REJECTED',
  'CANCELLED',
  'PORT_IN_USE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes where trying again later (same input) may succeed. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'HOST_UNREACHABLE',
  'PORT_CLOSED',
  'TIMEOUT',
  'CONNECTION_LOST',
  'CONFLICT',
]);

export const errorEnvelopeSchema = z.object({
  error: z.object({
    name: z.string(),
    code: z.enum(ERROR_CODES),
    message: z.string(),
    retryable: z.boolean(),
    details: z.unknown().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export class ExNodeError extends Error {
  override readonly name = 'ExNodeError';
  readonly retryable: boolean;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { retryable?: boolean; details?: unknown; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? RETRYABLE.has(code);
    this.details = options.details;
  }

  readonly details: unknown;

  toEnvelope(): ErrorEnvelope {
    const error: ErrorEnvelope['error'] = {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
    };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }

  static fromEnvelope(envelope: ErrorEnvelope): ExNodeError {
    const e = envelope.error;
    return new ExNodeError(e.code, e.message, { retryable: e.retryable, details: e.details });
  }
}

export function isExNodeError(value: unknown): value is ExNodeError {
  return value instanceof ExNodeError;
}

/** Turns a zod failure into a message naming every bad field, e.g. `port: expected number`. */
export function describeZodError(error: z.ZodError, subject = 'input'): string {
  const issues = error.issues.map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    return `${path}: ${issue.message}`;
  });
  return `Invalid ${subject}: ${issues.join('; ')}`;
}

/** Parses `value` with `schema`, throwing INVALID_INPUT with a field-by-field message. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, subject?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ExNodeError('INVALID_INPUT', describeZodError(result.error, subject), {
      details: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  return result.data;
}
