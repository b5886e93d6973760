import type { z } from 'zod';
import type { Permission } from '../permissions.js';

export interface OperationSpec<I extends z.ZodType, O extends z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly permission: Permission;
  /** Changes state: recorded in the audit log. */
  readonly mutates: boolean;
  readonly summary: string;
}

export function op<I extends z.ZodType, O extends z.ZodType>(spec: OperationSpec<I, O>): OperationSpec<I, O> {
  return spec;
}
