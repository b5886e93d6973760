import type { StateDb } from '../store/db.js';
import { nowIso } from '../clock.js';
import { scheduleSpecSchema, type MissedPolicy, type ScheduleSpec } from '../../../shared/schedule.js';

export interface StoredSchedule {
  readonly bridgeId: string;
  readonly spec: ScheduleSpec | null;
  readonly missedPolicy: MissedPolicy;
  readonly deployed: boolean;
  readonly deployedBy: string | null;
  readonly deployedAt: string | null;
  readonly lastFireMs: number | null;
}

interface Row {
  bridge_id: string;
  spec_json: string | null;
  missed_policy: string;
  deployed: number | boolean;
  deployed_by: string | null;
  deployed_at: string | null;
  last_fire_ms: number | string | null;
}

const PAUSED = 'paused';

/** Schedules, the pause switch and connection run limits, in the node's state store. */
export class ScheduleStore {
  constructor(private readonly db: StateDb) {}

  async all(): Promise<StoredSchedule[]> {
    return ((await this.db<Row>('schedules').select()) as Row[]).map(toStored);
  }

  async get(bridgeId: string): Promise<StoredSchedule | null> {
    const row = await this.db<Row>('schedules').where({ bridge_id: bridgeId }).first();
    return row ? toStored(row) : null;
  }

  /** Sets the schedule's timing; a changed timing counts its fires from now. */
  async setSpec(bridgeId: string, spec: ScheduleSpec | null, missedPolicy: MissedPolicy | undefined, nowMs: number): Promise<void> {
    const patch = {
      spec_json: spec ? JSON.stringify(spec) : null, last_fire_ms: nowMs, updated_at: nowIso(),
      ...(missedPolicy ? { missed_policy: missedPolicy } : {}),
      ...(spec ? {} : { deployed: false }),
    };
    await this.db('schedules').insert({ bridge_id: bridgeId, ...patch }).onConflict('bridge_id').merge();
  }

  async setDeployed(bridgeId: string, deployed: boolean, by: string | null, nowMs: number): Promise<void> {
    await this.db('schedules').where({ bridge_id: bridgeId }).update({
      deployed, updated_at: nowIso(),
      ...(deployed ? { deployed_by: by, deployed_at: new Date(nowMs).toISOString(), last_fire_ms: nowMs } : {}),
    });
  }

  async remove(bridgeId: string): Promise<void> {
    await this.db('schedules').where({ bridge_id: bridgeId }).delete();
  }

  async markFired(fires: readonly { bridgeId: string; plannedMs: number }[]): Promise<void> {
    if (fires.length === 0) return;
    await this.db.transaction(async (trx) => {
      for (const f of fires) await trx('schedules').where({ bridge_id: f.bridgeId }).update({ last_fire_ms: f.plannedMs });
    });
  }

  /** After a pause: the maintenance window's fires are not caught up. */
  async markAllFired(nowMs: number): Promise<void> {
    await this.db('schedules').update({ last_fire_ms: nowMs });
  }

  async pauseState(): Promise<{ paused: boolean; by: string | null; at: string | null }> {
    const row = await this.db('scheduler_state').where({ key: PAUSED }).first();
    if (!row) return { paused: false, by: null, at: null };
    const value = JSON.parse((row as { value: string }).value) as { paused: boolean; by: string | null; at: string | null };
    return value;
  }

  async setPaused(paused: boolean, by: string): Promise<void> {
    const value = JSON.stringify({ paused, by, at: nowIso() });
    await this.db('scheduler_state').insert({ key: PAUSED, value }).onConflict('key').merge();
  }

  async limits(): Promise<{ connection: string; maxRuns: number }[]> {
    const rows = (await this.db('connection_run_limits').select()) as { connection: string; max_runs: number }[];
    return rows.map((r) => ({ connection: r.connection, maxRuns: Number(r.max_runs) }));
  }

  async setLimit(connection: string, maxRuns: number | null): Promise<void> {
    if (maxRuns === null) await this.db('connection_run_limits').where({ connection }).delete();
    else await this.db('connection_run_limits').insert({ connection, max_runs: maxRuns }).onConflict('connection').merge();
  }
}

function toStored(row: Row): StoredSchedule {
  const parsed = row.spec_json ? scheduleSpecSchema.safeParse(JSON.parse(row.spec_json)) : null;
  return {
    bridgeId: row.bridge_id,
    spec: parsed?.success ? parsed.data : null,
    missedPolicy: row.missed_policy === 'skip' ? 'skip' : 'run-once',
    deployed: Boolean(row.deployed),
    deployedBy: row.deployed_by,
    deployedAt: row.deployed_at,
    lastFireMs: row.last_fire_ms === null ? null : Number(row.last_fire_ms),
  };
}
