import { z } from 'zod';
import { runRecordSchema } from '../bridge.js';
import { resourceNameSchema } from '../connection.js';
import {
  missedPolicySchema, runFilterSchema, schedulePreviewSchema, scheduleSpecSchema, scheduleViewSchema, schedulerStatusSchema,
} from '../schedule.js';
import { op } from './define.js';

const byName = z.object({ name: resourceNameSchema }).strict();

export const connectionLimitSchema = z.object({ connection: resourceNameSchema, maxRuns: z.number().int().min(1).max(64) });

/** Schedules (set, deploy, stop, pause, resume), the run queue's limits, and the runs page's search. */
export const scheduleOps = {
  'schedules/list': op({
    input: z.object({}).strict(),
    output: z.object({ status: schedulerStatusSchema, schedules: z.array(scheduleViewSchema) }),
    permission: 'bridges.read', mutates: false, summary: 'Every bridge\'s schedule, next fires and last run',
  }),
  'schedules/get': op({ input: byName, output: scheduleViewSchema, permission: 'bridges.read', mutates: false, summary: 'One bridge\'s schedule' }),
  'schedules/set': op({
    input: z.object({ name: resourceNameSchema, spec: scheduleSpecSchema.nullable(), missedPolicy: missedPolicySchema.optional() }).strict(),
    output: scheduleViewSchema, permission: 'schedules.write', mutates: true, summary: 'Set or clear a bridge\'s schedule',
  }),
  'schedules/deploy': op({ input: byName, output: scheduleViewSchema, permission: 'schedules.write', mutates: true, summary: 'Deploy a bridge: its schedule goes live' }),
  'schedules/stop': op({
    input: byName, output: scheduleViewSchema, permission: 'schedules.write', mutates: true,
    summary: 'Stop a bridge: its schedule stops firing and a run under way ends after its current batch',
  }),
  'schedules/pause': op({ input: z.object({}).strict(), output: schedulerStatusSchema, permission: 'schedules.write', mutates: true, summary: 'Pause all schedules (maintenance window)' }),
  'schedules/resume': op({ input: z.object({}).strict(), output: schedulerStatusSchema, permission: 'schedules.write', mutates: true, summary: 'Resume all schedules' }),
  'schedules/preview': op({
    input: z.object({ spec: scheduleSpecSchema }).strict(), output: schedulePreviewSchema,
    permission: 'bridges.read', mutates: false, summary: 'A schedule\'s description and next five fire times',
  }),
  'schedules/limits': op({ input: z.object({}).strict(), output: z.array(connectionLimitSchema), permission: 'bridges.read', mutates: false, summary: 'Connection run limits' }),
  'schedules/set-limit': op({
    input: z.object({ connection: resourceNameSchema, maxRuns: z.number().int().min(1).max(64).nullable() }).strict(),
    output: z.array(connectionLimitSchema), permission: 'schedules.write', mutates: true,
    summary: 'Limit how many runs may use a connection at once',
  }),
  'runs/search': op({
    input: runFilterSchema,
    output: z.object({ total: z.number().int(), items: z.array(runRecordSchema) }),
    permission: 'bridges.read', mutates: false, summary: 'Runs by bridge, status, trigger and time, a page at a time',
  }),
} as const;
