import fs from 'node:fs';
import type {
  BridgeMonitorSettings, CheckReport, ConnectionHealth, DataReconciliationRecord, MessageParams, MessageRef, Reconciliation,
} from '../../../shared/index.js';
import { ExNodeError, msg } from '../../../shared/index.js';
import type { EngineServices } from '../services.js';
import type { StateDb } from '../store/db.js';
import { reconcileBridge } from '../reconcile/reconcile.js';
import { nowIso } from '../clock.js';
import type { AlertStore } from './alert-store.js';
import { bridgeSubject, connectionSubject } from './run-rules.js';
import { HISTORY_RUNS, judgeSourceStale, parseSourceStale, type SourceStaleSetting, storeSourceStale } from './source-stale.js';
import { pruneHistory } from './retention.js';

/** Free space under which the data directory's disk raises an alert. */
export const DISK_LIMIT_MB = 1024;
/** A stall is raised when no success came for this many expected intervals (plus a grace period). */
const STALL_FACTOR = 2;
const STALL_GRACE_MS = 5 * 60_000;
const PRUNE_EVERY_MS = 3_600_000;

/**
 * How often a bridge is expected to succeed, in ms, or null when it has no schedule. The scheduler
 * answers this (the merge points it at the bridge's schedule); until then no bridge is expected to run.
 */
export type ExpectedInterval = (bridge: { id: string; name: string }) => Promise<number | null>;
export const NO_SCHEDULES: ExpectedInterval = async () => null;

/** The engine's parts the checks use besides monitoring's own tables. */
export type CheckServices = Pick<EngineServices, 'dataDir' | 'connections' | 'settings' | 'bridges' | 'catalog' | 'runner' | 'withConnector' | 'hmac'>;

interface SettingsRow { bridge_id: string; freshness_minutes: number | null; reconcile_cron: string | null; source_stale: string | null }
interface BridgeRow { id: string; name: string; enabled: number | boolean; created_at: string }

/** The scheduled checks: connection health, freshness, stalls, disk space, data reconciliation. */
export class Checks {
  private lastPruneMs: number | null = null;

  /** `db` is the state database the monitor owns; `now` is the monitor's clock (a test drives it by hand). */
  constructor(
    private readonly s: CheckServices, private readonly db: StateDb, private readonly alerts: AlertStore,
    private readonly expectedInterval: () => ExpectedInterval, private readonly now: () => number = Date.now,
  ) {}

  async all(): Promise<CheckReport> {
    const connections = await this.connectionHealth();
    const disk = await this.diskSpace();
    const stale = await this.freshness();
    const stalled = await this.stalls();
    const sourceStale = await this.sourceStale();
    const pruned = await this.retention();
    return { connections, disk, stale, stalled, sourceStale, pruned };
  }

  /** Prunes alert history past the retention limit, at most once an hour (the checks run every five minutes). */
  async retention(): Promise<{ alerts: number; reconciliations: number }> {
    const now = this.now();
    if (this.lastPruneMs !== null && Math.abs(now - this.lastPruneMs) < PRUNE_EVERY_MS) return { alerts: 0, reconciliations: 0 };
    this.lastPruneMs = now;
    return pruneHistory(this.db, now, await this.s.settings.get('alertRetentionDays'));
  }

  /** Tests every connection: latency and last error are stored, a failure raises an alert, a success clears it. */
  async connectionHealth(): Promise<ConnectionHealth[]> {
    const names = (await this.db('connections').select('name').orderBy('name')).map((r: { name: string }) => r.name);
    const out: ConnectionHealth[] = [];
    for (const name of names) {
      const started = Date.now();
      let ok = false;
      let error: string | null = null;
      /** The reason as a catalog message, so the alert reads in each shell's language. */
      let reason: MessageRef | string = '';
      let latencyMs: number | null = null;
      try {
        const result = await this.s.connections.test(name);
        ok = result.ok;
        latencyMs = result.latencyMs ?? Date.now() - started;
        error = result.ok ? null : `${result.errorCode ? `[${result.errorCode}] ` : ''}${result.message ?? ''}`;
        reason = result.key ? { key: result.key, ...(result.params ? { params: result.params as MessageParams } : {}) } : error ?? '';
      } catch (e) {
        error = (e as Error).message;
        reason = e instanceof ExNodeError && e.ref ? e.ref : error;
      }
      const health: ConnectionHealth = { connection: name, checkedAt: nowIso(), ok, latencyMs, error };
      await this.db('monitor_connection_health').insert({
        connection: name, checked_at: health.checkedAt, ok, latency_ms: latencyMs, error,
      }).onConflict('connection').merge();
      if (ok) await this.alerts.resolve('connection-health', connectionSubject(name));
      else await this.alerts.raise({ kind: 'connection-health', severity: 'critical', subject: connectionSubject(name), connection: name, message: msg('alerts.connectionHealth', { connection: name, reason }) });
      out.push(health);
    }
    return out;
  }

  async health(): Promise<ConnectionHealth[]> {
    const rows = await this.db('monitor_connection_health').orderBy('connection');
    return rows.map((r: { connection: string; checked_at: string; ok: number | boolean; latency_ms: number | null; error: string | null }) => ({
      connection: r.connection, checkedAt: r.checked_at, ok: Boolean(r.ok), latencyMs: r.latency_ms, error: r.error,
    }));
  }

  async diskSpace(): Promise<CheckReport['disk']> {
    const stat = fs.statfsSync(this.s.dataDir);
    const freeMb = Math.floor((stat.bavail * stat.bsize) / 1_048_576);
    const totalMb = Math.floor((stat.blocks * stat.bsize) / 1_048_576);
    const limitMb = Math.min(DISK_LIMIT_MB, Math.floor(totalMb / 10));
    const low = freeMb < limitMb;
    const subject = 'node:data-dir';
    if (low) await this.alerts.raise({ kind: 'disk-space', severity: 'critical', subject, message: msg('alerts.diskSpace', { dir: this.s.dataDir, freeMb, limitMb }) });
    else await this.alerts.resolve('disk-space', subject);
    return { dir: this.s.dataDir, freeMb, totalMb, limitMb, low };
  }

  /**
   * Bridges whose last success is older than their freshness limit (names): the bridge's own limit,
   * else the update cycle of its catalog entry (资源目录的更新周期, R9).
   */
  async freshness(): Promise<string[]> {
    const all = await this.db('bridges as b').leftJoin('monitor_bridge_settings as m', 'b.id', 'm.bridge_id')
      .select('b.id', 'b.name', 'm.freshness_minutes') as { id: string; name: string; freshness_minutes: number | null }[];
    const rows: { id: string; name: string; freshness_minutes: number }[] = [];
    for (const r of all) {
      const fromCatalog = r.freshness_minutes === null ? await this.s.catalog.freshnessLimitFor(r.name) : null;
      const minutes = r.freshness_minutes ?? (fromCatalog === null ? null : Math.round(fromCatalog / 60_000));
      if (minutes !== null) rows.push({ id: r.id, name: r.name, freshness_minutes: minutes });
    }
    const stale: string[] = [];
    const watched = new Set<string>();
    for (const r of rows) {
      const subject = bridgeSubject(r.id);
      watched.add(subject);
      const last = await this.lastSuccess(r.id);
      const ageMinutes = last === null ? null : Math.floor((this.now() - Date.parse(last)) / 60_000);
      if (ageMinutes !== null && ageMinutes <= r.freshness_minutes) {
        await this.alerts.resolve('freshness', subject);
        continue;
      }
      stale.push(r.name);
      const message = ageMinutes === null
        ? msg('alerts.freshnessNever', { bridge: r.name, limit: r.freshness_minutes })
        : msg('alerts.freshness', { bridge: r.name, age: ageMinutes, limit: r.freshness_minutes });
      await this.alerts.raise({ kind: 'freshness', severity: 'warning', subject, bridge: r.name, message });
    }
    for (const subject of await this.alerts.activeSubjects('freshness')) if (!watched.has(subject)) await this.alerts.resolve('freshness', subject);
    return stale;
  }

  /** Enabled bridges that their schedule says should have succeeded by now, and have not. */
  async stalls(): Promise<string[]> {
    const bridges = await this.db<BridgeRow>('bridges').select('id', 'name', 'enabled', 'created_at');
    const stalled: string[] = [];
    const expected = this.expectedInterval();
    for (const b of bridges) {
      const subject = bridgeSubject(b.id);
      const interval = b.enabled ? await expected({ id: b.id, name: b.name }) : null;
      if (interval === null) {
        await this.alerts.resolve('stall', subject);
        continue;
      }
      const since = (await this.lastSuccess(b.id)) ?? b.created_at;
      const age = this.now() - Date.parse(since);
      if (age <= interval * STALL_FACTOR + STALL_GRACE_MS) {
        await this.alerts.resolve('stall', subject);
        continue;
      }
      stalled.push(b.name);
      await this.alerts.raise({
        kind: 'stall', severity: 'critical', subject, bridge: b.name,
        message: msg('alerts.stall', { bridge: b.name, expected: Math.round(interval / 60_000), age: Math.floor(age / 60_000) }),
      });
    }
    return stalled;
  }

  /**
   * Deployed, enabled bridges whose source usually changes and has not for longer than usual (names).
   * A bridge that is not deployed, or set to off, has its alert resolved.
   */
  async sourceStale(): Promise<string[]> {
    const bridges = await this.db('bridges as b').leftJoin('monitor_bridge_settings as m', 'b.id', 'm.bridge_id')
      .select('b.id', 'b.name', 'b.enabled', 'm.source_stale') as { id: string; name: string; enabled: number | boolean; source_stale: string | null }[];
    const stale: string[] = [];
    for (const b of bridges) {
      const subject = bridgeSubject(b.id);
      const setting = parseSourceStale(b.source_stale);
      const watched = setting !== 'off' && Boolean(b.enabled) && (await this.deployed(b.id));
      const verdict = watched ? judgeSourceStale(await this.observedRuns(b.name), setting, this.now()) : { state: 'off' as const };
      if (verdict.state !== 'stale') {
        // Too little history says nothing either way: an open alert stays until a change is seen.
        if (verdict.state !== 'unknown') await this.alerts.resolve('source-stale', subject);
        continue;
      }
      stale.push(b.name);
      const params = {
        bridge: b.name, age: verdict.ageMinutes, limit: verdict.limitMinutes, typical: verdict.typicalMinutes ?? '-',
        lastChange: new Date(verdict.lastChangeMs).toISOString(), lastRun: new Date(verdict.lastRunMs).toISOString(),
      };
      const message = setting === 'auto' ? msg('alerts.sourceStale', params) : msg('alerts.sourceStaleFixed', params);
      await this.alerts.raise({ kind: 'source-stale', severity: 'warning', subject, bridge: b.name, message });
    }
    return stale;
  }

  /** The latest successful runs of a bridge: when each finished and how many changed rows its sender found. */
  private async observedRuns(bridgeName: string): Promise<{ finishedMs: number; changes: number }[]> {
    // Only by name and start time, filtering the status here: given the status too, SQLite picks the
    // (status, started_at) index and walks every bridge's successes; this one stays cheap with 1,000,000 runs.
    const rows = (await this.db('monitor_run_stats').where({ bridge_name: bridgeName }).orderBy('started_at', 'desc').limit(HISTORY_RUNS * 2)
      .select('status', 'finished_at', 'sender_inserted', 'sender_updated', 'sender_deleted') as {
        status: string; finished_at: string | null; sender_inserted: number; sender_updated: number; sender_deleted: number;
      }[]).filter((r): r is typeof r & { finished_at: string } => r.status === 'succeeded' && r.finished_at !== null);
    return rows.map((r) => ({ finishedMs: Date.parse(r.finished_at), changes: Number(r.sender_inserted) + Number(r.sender_updated) + Number(r.sender_deleted) }));
  }

  private async deployed(bridgeId: string): Promise<boolean> {
    const row = await this.db('schedules').where({ bridge_id: bridgeId }).first('deployed') as { deployed: number | boolean } | undefined;
    return Boolean(row?.deployed);
  }

  /** Runs the data reconciliation of one bridge, stores its result and raises or clears its alert. */
  async reconcile(bridgeName: string): Promise<DataReconciliationRecord> {
    const bridge = await this.s.bridges.load(bridgeName);
    const startedAt = nowIso();
    let result: Reconciliation | null = null;
    let error: string | null = null;
    try {
      result = await reconcileBridge(this.s, bridgeName, 20);
    } catch (e) {
      error = (e as Error).message;
    }
    const [inserted] = await this.db('monitor_data_reconciliations').insert({
      bridge_id: bridge.id, bridge_name: bridgeName, started_at: startedAt, deviation: result?.deviation ?? null,
      result_json: result ? JSON.stringify(result) : null, error,
    }).returning('id');
    const subject = bridgeSubject(bridge.id);
    if (result && result.deviation === 0) await this.alerts.resolve('data-reconciliation', subject);
    else {
      const message = result
        ? msg('alerts.dataReconciliation', { bridge: bridgeName, missing: result.missing, extra: result.extra, different: result.different })
        : msg('alerts.dataReconciliationFailed', { bridge: bridgeName, reason: error ?? '' });
      await this.alerts.raise({ kind: 'data-reconciliation', severity: result ? 'critical' : 'warning', subject, bridge: bridgeName, message });
    }
    const id = typeof inserted === 'object' ? (inserted as { id: number }).id : Number(inserted);
    return { id, bridge: bridgeName, startedAt, deviation: result?.deviation ?? null, result, error };
  }

  async reconciliations(bridge: string | undefined, limit: number): Promise<DataReconciliationRecord[]> {
    const q = this.db('monitor_data_reconciliations').orderBy('id', 'desc').limit(limit);
    if (bridge) q.where({ bridge_name: bridge });
    return (await q).map((r: { id: number; bridge_name: string; started_at: string; deviation: number | null; result_json: string | null; error: string | null }) => ({
      id: r.id, bridge: r.bridge_name, startedAt: r.started_at, deviation: r.deviation, result: r.result_json ? JSON.parse(r.result_json) : null, error: r.error,
    }));
  }

  async settingsOf(bridgeName: string): Promise<BridgeMonitorSettings> {
    const bridge = await this.s.bridges.load(bridgeName);
    const row = await this.db<SettingsRow>('monitor_bridge_settings').where({ bridge_id: bridge.id }).first();
    return {
      bridge: bridgeName, freshnessMinutes: row?.freshness_minutes ?? null, reconcileCron: row?.reconcile_cron ?? null, sourceStale: parseSourceStale(row?.source_stale),
    };
  }

  async setSettings(
    bridgeName: string, patch: { freshnessMinutes?: number | null; reconcileCron?: string | null; sourceStale?: SourceStaleSetting },
  ): Promise<BridgeMonitorSettings> {
    const current = await this.settingsOf(bridgeName);
    const bridge = await this.s.bridges.load(bridgeName);
    const next = { ...current, ...patch };
    await this.db('monitor_bridge_settings').insert({
      bridge_id: bridge.id, freshness_minutes: next.freshnessMinutes, reconcile_cron: next.reconcileCron, source_stale: storeSourceStale(next.sourceStale),
    }).onConflict('bridge_id').merge();
    return next;
  }

  /** Bridges with a data reconciliation schedule: name and cron. */
  async reconcileSchedules(): Promise<{ bridge: string; cron: string }[]> {
    const rows = await this.db('monitor_bridge_settings as m').join('bridges as b', 'b.id', 'm.bridge_id')
      .whereNotNull('m.reconcile_cron').select('b.name', 'm.reconcile_cron') as { name: string; reconcile_cron: string }[];
    return rows.map((r) => ({ bridge: r.name, cron: r.reconcile_cron }));
  }

  private async lastSuccess(bridgeId: string): Promise<string | null> {
    const row = await this.db('runs').where({ bridge_id: bridgeId, status: 'succeeded' }).max({ at: 'finished_at' }).first();
    return (row?.at as string | null | undefined) ?? null;
  }
}
