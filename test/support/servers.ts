/**
 * Where the real test servers are. Under CI=true a server that cannot be reached fails the suite;
 * on a developer machine too: integration tests never skip silently.
 */
export const MYSQL_URL = process.env.EXNODE_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
export const POSTGRES_URL = process.env.EXNODE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const MSSQL_URL = process.env.EXNODE_TEST_MSSQL_URL;
export const ORACLE_URL = process.env.EXNODE_TEST_ORACLE_URL;
/**
 * Databases the integration tests use on those servers (default `test`). Two checkouts can test on
 * one machine at once with databases of their own (the databases must exist).
 */
export const MYSQL_DB = process.env.EXNODE_TEST_MYSQL_DB ?? 'test';
export const PG_DB = process.env.EXNODE_TEST_PG_DB ?? 'test';
