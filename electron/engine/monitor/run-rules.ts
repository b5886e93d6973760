import type { DriftEvent, EngineEvent, RunRecord } from '../../../shared/index.js';
import { msg, runErrorText } from '../../../shared/index.js';
import type { StateDb } from '../store/db.js';
import type { AlertStore } from './alert-store.js';
import { recordRunStats } from './run-stats.js';

/** Failures in a row that make a bridge "repeatedly failing" rather than failing once. */
export const REPEATED_FAILURES = 3;

export const bridgeSubject = (bridgeId: string): string => `bridge:${bridgeId}`;
export const connectionSubject = (name: string): string => `connection:${name}`;

/**
 * Alerts raised from what the engine reports (R4, R5): a finished run's deviation or failure, a
 * bridge that keeps failing, a source table's structure that changed. A clean run clears its bridge's
 * run alerts. Reacts to events only, so it holds whatever runs the runs (scheduler, CLI, console).
 */
export class RunRules {
  constructor(private readonly db: StateDb, private readonly alerts: AlertStore) {}

  async onEvent(event: EngineEvent): Promise<void> {
    if (event.type === 'run.updated') await this.onRun(event.payload as RunRecord);
    else if (event.type === 'schema.drift') await this.onDrift(event.payload as DriftEvent);
  }

  private async onRun(run: RunRecord): Promise<void> {
    await recordRunStats(this.db, run);
    const subject = bridgeSubject(run.bridgeId);
    const base = { subject, bridge: run.bridgeName, runId: run.id };
    if (run.status === 'failed') {
      const reason = run.error ? runErrorText(run.error) : '';
      await this.alerts.raise({ ...base, kind: 'run-failed', severity: 'critical', message: msg('alerts.runFailed', { bridge: run.bridgeName, run: run.id, reason }) });
      const failures = await this.failuresInARow(run.bridgeId);
      if (failures >= REPEATED_FAILURES) {
        await this.alerts.raise({ ...base, kind: 'run-retried', severity: 'critical', message: msg('alerts.runRetried', { bridge: run.bridgeName, failures, reason }) });
      }
      return;
    }
    if (run.status !== 'succeeded') return;
    for (const kind of ['run-failed', 'run-retried', 'stall', 'freshness'] as const) await this.alerts.resolve(kind, subject);
    if (run.sender.inserted + run.sender.updated + run.sender.deleted > 0) await this.alerts.resolve('source-stale', subject);
    if (run.reconciliation.status === 'deviation') {
      const { total, inserted, updated, deleted } = run.deviation;
      await this.alerts.raise({
        ...base, kind: 'deviation', severity: 'critical',
        message: msg('alerts.deviation', { bridge: run.bridgeName, run: run.id, total, inserted, updated, deleted, rejected: run.receiver.rejected }),
      });
    } else {
      await this.alerts.resolve('deviation', subject);
    }
  }

  private async onDrift(drift: DriftEvent): Promise<void> {
    if (drift.changes.length === 0) return;
    const shown = drift.changes.slice(0, 5).map((c) => `${c.kind} ${c.table}${c.column ? `.${c.column}` : ''}${c.detail ? ` (${c.detail})` : ''}`);
    if (drift.changes.length > shown.length) shown.push(`… +${drift.changes.length - shown.length}`);
    await this.alerts.raise({
      kind: 'schema-drift', severity: 'warning', subject: connectionSubject(drift.connection), connection: drift.connection,
      message: msg('alerts.schemaDrift', { connection: drift.connection, changes: shown.join('; ') }),
    });
  }

  /** Finished runs of a bridge that failed since its last success, newest first (at most 20 looked at). */
  private async failuresInARow(bridgeId: string): Promise<number> {
    const rows = await this.db('runs').where({ bridge_id: bridgeId }).whereIn('status', ['succeeded', 'failed'])
      .orderBy('started_at', 'desc').limit(20).select('status') as { status: string }[];
    let n = 0;
    for (const r of rows) {
      if (r.status !== 'failed') break;
      n++;
    }
    return n;
  }
}
