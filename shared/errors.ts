import { z } from 'zod';
import { issuesText } from './validation-text.js';
import { type Lang, type MessageParams, type MessageRef, type MessageText, isMessageRef, msg, render, translate } from './messages/index.js';

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
    /** The message's catalog key and parameters, so each shell shows it in its own language. */
    key: z.string().optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

export class ExNodeError extends Error {
  override readonly name = 'ExNodeError';
  readonly retryable: boolean;
  readonly details: unknown;
  /** The message as a catalog key and parameters; absent for text written before messages had keys. */
  readonly ref: MessageRef | undefined;

  /**
   * `message` is a catalog message (`msg('connections.notFound', { name })`), rendered in English for
   * logs and in the caller's language by each shell; plain text is accepted but shown untranslated.
   */
  constructor(
    readonly code: ErrorCode,
    message: string | MessageRef,
    options: { retryable?: boolean; details?: unknown; cause?: unknown } = {},
  ) {
    super(render('en', message), options.cause === undefined ? undefined : { cause: options.cause });
    this.ref = isMessageRef(message) ? message : undefined;
    this.retryable = options.retryable ?? RETRYABLE.has(code);
    this.details = options.details;
  }

  /** The message in `lang`. */
  localized(lang: Lang): string {
    return this.ref ? translate(lang, this.ref.key, this.ref.params) : this.message;
  }

  toEnvelope(): ErrorEnvelope {
    const error: ErrorEnvelope['error'] = {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
    };
    if (this.details !== undefined) error.details = this.details;
    if (this.ref) {
      error.key = this.ref.key;
      if (this.ref.params) error.params = this.ref.params as Record<string, unknown>;
    }
    return { error };
  }

  static fromEnvelope(envelope: ErrorEnvelope): ExNodeError {
    const e = envelope.error;
    const message: string | MessageRef = e.key ? { key: e.key, ...(e.params ? { params: e.params as MessageParams } : {}) } : e.message;
    const error = new ExNodeError(e.code, message, { retryable: e.retryable, details: e.details });
    // Keep the sender's English text: a key this side's catalog lacks still reads right.
    if (e.key) Object.defineProperty(error, 'message', { value: e.message });
    return error;
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

const SUBJECT_INPUT = { 'zh-CN': '输入', en: 'input' } as const;

/** Parses `value` with `schema`, throwing INVALID_INPUT with a field-by-field message. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, subject?: string | MessageRef | MessageText): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new ExNodeError('INVALID_INPUT', msg('common.invalidInput', { subject: subject ?? SUBJECT_INPUT, issues: issuesText(result.error) }), {
      details: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  return result.data;
}
