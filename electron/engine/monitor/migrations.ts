import type { Knex } from 'knex';
import { DAILY_COLUMNS, DAILY_SUMS } from './daily-columns.js';

/** Monitoring's tables (migration range 0300-0399): alerts, settings, check results, aggregate indexes. */
export const MONITOR_MIGRATIONS: readonly { readonly name: string; up(knex: Knex): Promise<void> }[] = [
  {
    name: '0300_alerts',
    async up(knex) {
      await knex.schema.createTable('alerts', (t) => {
        t.increments('id');
        t.string('kind').notNullable();
        t.string('severity').notNullable();
        t.string('subject').notNullable();
        t.string('bridge');
        t.string('connection');
        t.string('status').notNullable();
        t.string('first_seen').notNullable();
        t.string('last_seen').notNullable();
        t.integer('count').notNullable().defaultTo(1);
        t.text('message_json').notNullable();
        t.string('run_id');
        t.string('ack_by');
        t.string('ack_at');
        t.text('ack_comment');
        t.string('resolved_at');
        t.index(['kind', 'subject', 'status']);
        t.index(['status', 'severity']);
        t.index(['bridge', 'last_seen']);
        t.index(['last_seen']);
      });
    },
  },
  {
    name: '0301_monitor_settings_and_checks',
    async up(knex) {
      // Per bridge: the freshness limit and the schedule of its data reconciliation.
      await knex.schema.createTable('monitor_bridge_settings', (t) => {
        t.string('bridge_id').primary();
        t.integer('freshness_minutes');
        t.string('reconcile_cron');
      });
      // Results of scheduled data reconciliations, kept as history.
      await knex.schema.createTable('monitor_data_reconciliations', (t) => {
        t.increments('id');
        t.string('bridge_id').notNullable();
        t.string('bridge_name').notNullable();
        t.string('started_at').notNullable();
        t.integer('deviation');
        t.text('result_json');
        t.text('error');
        t.index(['bridge_id', 'started_at']);
      });
      // Connection health checks: latency and the last error, one row per connection.
      await knex.schema.createTable('monitor_connection_health', (t) => {
        t.string('connection').primary();
        t.string('checked_at').notNullable();
        t.boolean('ok').notNullable();
        t.integer('latency_ms');
        t.text('error');
      });
      // Notification channels (webhook, DingTalk, WeCom, SMTP); secrets are sealed by the vault.
      await knex.schema.createTable('monitor_channels', (t) => {
        t.string('id').primary();
        t.string('kind').notNullable();
        t.string('name').notNullable().unique();
        t.text('config_json').notNullable();
        t.text('secret_enc');
        t.boolean('enabled').notNullable().defaultTo(true);
        t.string('min_severity').notNullable().defaultTo('warning');
        t.string('last_sent_at');
        t.text('last_error');
        t.string('last_error_at');
      });
    },
  },
  {
    name: '0302_run_aggregate_indexes',
    async up(knex) {
      // The dashboard and the reconciliation record page read runs by time and by bridge and time.
      // The scheduler's migration may have made the index on started_at already.
      await knex.raw('CREATE INDEX IF NOT EXISTS runs_started_at_index ON runs (started_at)');
      await knex.schema.alterTable('runs', (t) => {
        t.index(['bridge_id', 'started_at']);
        t.index(['status', 'started_at']);
      });
    },
  },
  {
    name: '0303_run_stats',
    async up(knex) {
      // One numeric row per finished run: what the dashboard, the reconciliation record and /metrics
      // aggregate, with indexes, instead of parsing each run's JSON counts.
      await knex.schema.createTable('monitor_run_stats', (t) => {
        t.string('run_id').primary();
        t.string('bridge_id').notNullable();
        t.string('bridge_name').notNullable();
        t.string('mode').notNullable();
        t.string('direction').notNullable();
        t.string('status').notNullable();
        t.string('recon_status').notNullable();
        t.string('started_at').notNullable();
        t.string('finished_at');
        t.integer('duration_ms');
        t.integer('sender_total').notNullable();
        t.integer('sender_inserted').notNullable();
        t.integer('sender_updated').notNullable();
        t.integer('sender_deleted').notNullable();
        t.integer('receiver_inserted').notNullable();
        t.integer('receiver_updated').notNullable();
        t.integer('receiver_deleted').notNullable();
        t.integer('rejected').notNullable();
        t.integer('deviation').notNullable();
        t.index(['started_at']);
        t.index(['bridge_name', 'started_at']);
        t.index(['recon_status', 'started_at']);
        t.index(['status', 'started_at']);
      });
      const j = (col: string, path: string) => `COALESCE(json_extract(${col}, '$.${path}'), 0)`;
      const dev = `ABS(${j('sender_json', 'inserted')} - ${j('receiver_json', 'inserted')}) + ABS(${j('sender_json', 'updated')} - ${j('receiver_json', 'updated')}) + ABS(${j('sender_json', 'deleted')} - ${j('receiver_json', 'deleted')})`;
      await knex.raw(`INSERT INTO monitor_run_stats SELECT id, bridge_id, bridge_name, mode, direction, status,
        CASE WHEN status <> 'succeeded' THEN 'not-reconciled' WHEN ${dev} = 0 THEN 'reconciled' ELSE 'deviation' END,
        started_at, finished_at, CAST((julianday(finished_at) - julianday(started_at)) * 86400000 AS INTEGER),
        ${j('sender_json', 'total')}, ${j('sender_json', 'inserted')}, ${j('sender_json', 'updated')}, ${j('sender_json', 'deleted')},
        ${j('receiver_json', 'inserted')}, ${j('receiver_json', 'updated')}, ${j('receiver_json', 'deleted')}, ${j('receiver_json', 'rejected')},
        ${dev}
        FROM runs WHERE status IN ('succeeded', 'failed', 'cancelled')`);
    },
  },
  {
    name: '0304_daily_stats',
    async up(knex) {
      // Runs summed per day (China time, UTC+8) and bridge, kept as runs finish: the reconciliation
      // record's daily and per-bridge aggregates read at most days × bridges rows, not every run.
      await knex.schema.createTable('monitor_daily_stats', (t) => {
        t.string('day').notNullable();
        t.string('bridge_name').notNullable();
        for (const c of DAILY_COLUMNS) t.integer(c).notNullable().defaultTo(0);
        t.primary(['day', 'bridge_name']);
        t.index(['bridge_name', 'day']);
      });
      await knex.raw(`INSERT INTO monitor_daily_stats (day, bridge_name, ${DAILY_COLUMNS.join(', ')})
        SELECT substr(datetime(started_at, '+480 minutes'), 1, 10), bridge_name, ${DAILY_SUMS.join(', ')}
        FROM monitor_run_stats GROUP BY 1, 2`);
    },
  },
  {
    name: '0305_source_stale_and_retention',
    async up(knex) {
      // Per bridge: the "source stopped changing" alert; null = learn from runs, 'off', or minutes.
      await knex.schema.alterTable('monitor_bridge_settings', (t) => {
        t.string('source_stale');
      });
      // Retention deletes resolved alerts by when they resolved.
      await knex.schema.alterTable('alerts', (t) => {
        t.index(['status', 'resolved_at']);
      });
    },
  },
  {
    name: '0306_channel_address_sealed',
    async up(knex) {
      // A robot's address carries its access token: the whole address is sealed here, config_json keeps it masked.
      await knex.schema.alterTable('monitor_channels', (t) => {
        t.text('url_enc');
      });
    },
  },
];
