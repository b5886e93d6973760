import type { Knex } from 'knex';

/** State-store tables of accounts, sessions, the security policy and the audit trail's who/how (range 0100-0199). */
export const SECURITY_MIGRATIONS: readonly { readonly name: string; up(knex: Knex): Promise<void> }[] = [
  {
    name: '0100_accounts',
    async up(knex) {
      await knex.schema.createTable('accounts', (t) => {
        t.string('name').primary();
        /** Look-alike key (NFKC, case-folded, confusable letters folded): unique, so `ｍａｒｉａ` cannot sit beside `maria`. */
        t.string('skeleton').notNullable().unique();
        t.text('roles_json').notNullable();
        t.text('password_hash').notNullable();
        t.string('password_changed_at').notNullable();
        t.boolean('must_change').notNullable().defaultTo(true);
        t.boolean('locked').notNullable().defaultTo(false);
        t.string('locked_until');
        t.integer('failed_count').notNullable().defaultTo(0);
        t.string('created_at').notNullable();
        t.string('last_login_at');
      });
      await knex.schema.createTable('password_history', (t) => {
        t.increments('id');
        t.string('account').notNullable().index();
        t.text('password_hash').notNullable();
        t.string('at').notNullable();
      });
      await knex.schema.createTable('sessions', (t) => {
        /** SHA-256 of the token: the token itself is never stored. */
        t.string('id').primary();
        t.string('account').notNullable().index();
        t.string('shell').notNullable();
        t.string('address');
        t.string('csrf').notNullable();
        t.string('created_at').notNullable();
        t.string('last_seen_at').notNullable();
        t.string('expires_at').notNullable();
        t.string('revoked_at');
      });
      await knex.schema.createTable('security_settings', (t) => {
        t.string('key').primary();
        t.text('value_json').notNullable();
      });
      await knex.schema.alterTable('audit_events', (t) => {
        t.string('shell');
        t.string('address');
        t.string('session');
      });
    },
  },
];
