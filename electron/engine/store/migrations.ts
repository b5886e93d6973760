import type { Knex } from 'knex';
import { SECURITY_MIGRATIONS } from '../auth/migrations.js';
import { MONITOR_MIGRATIONS } from '../monitor/migrations.js';

interface Migration {
  readonly name: string;
  up(knex: Knex): Promise<void>;
}

/** Versioned, append-only: never edit a shipped migration, add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  {
    name: '0001_initial',
    async up(knex) {
      await knex.schema.createTable('connections', (t) => {
        t.string('id').primary();
        t.string('name').notNullable().unique();
        t.string('dialect').notNullable();
        t.text('config_json').notNullable();
        t.text('password_enc');
        t.boolean('is_exchange').notNullable().defaultTo(false);
        t.string('health').notNullable().defaultTo('unknown');
        t.string('last_tested_at');
        t.text('last_error');
        t.string('created_at').notNullable();
        t.string('updated_at').notNullable();
      });
      await knex.schema.createTable('bridges', (t) => {
        t.string('id').primary();
        t.string('name').notNullable().unique();
        t.text('config_json').notNullable();
        t.boolean('enabled').notNullable().defaultTo(true);
        t.string('created_at').notNullable();
        t.string('updated_at').notNullable();
      });
      await knex.schema.createTable('runs', (t) => {
        t.string('id').primary();
        t.string('bridge_id').notNullable().index();
        t.string('bridge_name').notNullable();
        t.string('mode').notNullable();
        t.string('direction').notNullable();
        t.string('trigger').notNullable();
        t.string('status').notNullable().index();
        t.string('started_at').notNullable();
        t.string('finished_at');
        t.text('sender_json').notNullable();
        t.text('receiver_json').notNullable();
        t.text('progress_json').notNullable();
        t.string('error_code');
        t.text('error_message');
        // The process executing the run: a run whose process is gone is resumed, never run twice.
        t.integer('owner_pid');
      });
      await knex.schema.createTable('run_logs', (t) => {
        t.increments('id');
        t.string('run_id').notNullable().index();
        t.string('at').notNullable();
        t.string('level').notNullable();
        t.text('message').notNullable();
      });
      await knex.schema.createTable('rejected_rows', (t) => {
        t.increments('id');
        t.string('run_id').notNullable().index();
        t.text('key_json').notNullable();
        t.text('reason').notNullable();
        t.string('at').notNullable();
      });
      await knex.schema.createTable('settings', (t) => {
        t.string('key').primary();
        t.text('value').notNullable();
      });
      await knex.schema.createTable('audit_events', (t) => {
        t.increments('seq');
        t.string('at').notNullable();
        t.string('actor').notNullable();
        t.string('operation').notNullable();
        t.text('target');
        t.string('outcome').notNullable();
        t.text('detail_json');
        t.string('prev_hash').notNullable();
        t.string('hash').notNullable();
      });
    },
  },
  {
    name: '0002_diff_ranges',
    async up(knex) {
      // Per bridge, the key ranges of its source and their last checksums (diff mode).
      await knex.schema.createTable('diff_ranges', (t) => {
        t.string('bridge_id').notNullable();
        t.integer('idx').notNullable();
        t.text('upper_json');
        t.integer('row_count').notNullable();
        t.string('checksum').notNullable();
        t.string('signature').notNullable();
        t.primary(['bridge_id', 'idx']);
      });
    },
  },
  {
    name: '0003_schema_snapshots',
    async up(knex) {
      await knex.schema.createTable('schema_snapshots', (t) => {
        t.increments('id');
        t.string('connection_id').notNullable().index();
        t.string('taken_at').notNullable();
        t.integer('table_count').notNullable();
        t.text('snapshot_json').notNullable();
      });
      await knex.schema.createTable('schema_drift', (t) => {
        t.increments('id');
        t.string('connection_id').notNullable().index();
        t.string('taken_at').notNullable();
        t.text('changes_json').notNullable();
      });
    },
  },
  {
    name: '0004_run_cancel_requests',
    async up(knex) {
      // Set by whichever process is asked to cancel; the process running the run sees it and stops.
      await knex.schema.alterTable('runs', (t) => {
        t.boolean('cancel_requested').notNullable().defaultTo(false);
      });
    },
  },
  {
    name: '0600_run_log_message_keys',
    async up(knex) {
      // Run-log lines as catalog keys and parameters, so each shell shows them in its own language.
      await knex.schema.alterTable('run_logs', (t) => {
        t.string('message_key');
        t.text('message_params');
      });
    },
  },
  {
    name: '0200_schedules_and_run_leases',
    async up(knex) {
      // One schedule per bridge; live only when deployed. last_fire_ms: the planned time of the last
      // fire handled, so a restart neither repeats a fire nor forgets the ones it missed.
      await knex.schema.createTable('schedules', (t) => {
        t.string('bridge_id').primary();
        t.text('spec_json');
        t.string('missed_policy').notNullable().defaultTo('run-once');
        t.boolean('deployed').notNullable().defaultTo(false);
        t.string('deployed_by');
        t.string('deployed_at');
        t.bigInteger('last_fire_ms');
        t.string('updated_at').notNullable();
      });
      await knex.schema.createTable('scheduler_state', (t) => {
        t.string('key').primary();
        t.text('value').notNullable();
      });
      // How many runs may use one connection at once (its owner's limit); absent = the node's concurrency.
      await knex.schema.createTable('connection_run_limits', (t) => {
        t.string('connection').primary();
        t.integer('max_runs').notNullable();
      });
      // A run is owned by a lease its process renews (owner = host, pid and the process's start time),
      // not by a pid that the OS may give to another process after a crash.
      await knex.schema.alterTable('runs', (t) => {
        t.string('lease_owner');
        t.bigInteger('lease_expires_ms');
        t.text('skipped_reason');
        t.string('scheduled_for');
        t.index(['started_at']);
      });
    },
  },
  {
    name: '0400_catalog_entries',
    async up(knex) {
      // Resource catalog (资源目录): one entry per resource code, bound to one bridge's exchange table.
      await knex.schema.createTable('catalog_entries', (t) => {
        t.string('code').primary();
        t.string('bridge_name').notNullable().unique();
        t.text('entry_json').notNullable();
        // When the information items were last checked against the source table (drift after it flags the entry).
        t.string('items_checked_at').notNullable();
        t.string('created_at').notNullable();
        t.string('updated_at').notNullable();
      });
    },
  },
  {
    name: '0610_connection_last_use',
    async up(knex) {
      // A connection's last successful use by a run, and its last failed one (kept apart: a failure never erases the success).
      await knex.schema.alterTable('connections', (t) => {
        t.string('last_used_at');
        t.string('last_use_failed_at');
        t.text('last_use_error_json');
      });
    },
  },
  ...SECURITY_MIGRATIONS,
  ...MONITOR_MIGRATIONS,
  {
    name: '0201_run_reason_message_keys',
    async up(knex) {
      // Skip reasons and run errors as catalog keys and parameters, so each shell shows them in its own
      // language; the text columns keep English (older rows: the zh-CN text they were written with).
      await knex.schema.alterTable('runs', (t) => {
        t.string('skipped_key');
        t.text('skipped_params');
        t.string('error_key');
        t.text('error_params');
      });
    },
  },
];
