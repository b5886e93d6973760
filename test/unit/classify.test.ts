import { describe, expect, it } from 'vitest';
import { classifyError, isTerminal } from '../../connectors/core/classify.js';
import { msg } from '../../shared/index.js';

const classify = (error: object, secrets: string[] = []) => classifyError(Object.assign(new Error((error as { message?: string }).message ?? 'x'), error), { what: msg('connectors.action.writing'), secrets });

describe('classifying driver failures', () => {
  it('names a missing relation, a missing column, a refused permission and a read-only database on every dialect', () => {
    const cases: [object, string][] = [
      [{ code: '42P01', message: 'relation "t" does not exist' }, 'NOT_FOUND'],
      [{ code: '42703', message: 'column "x" does not exist' }, 'SCHEMA_MISMATCH'],
      [{ code: '42501', message: 'permission denied for table t' }, 'PERMISSION_DENIED'],
      [{ code: '25006', message: 'cannot execute INSERT in a read-only transaction' }, 'PERMISSION_DENIED'],
      [{ code: 'ER_NO_SUCH_TABLE', errno: 1146, message: "Table 'test.t' doesn't exist" }, 'NOT_FOUND'],
      [{ code: 'ER_BAD_FIELD_ERROR', errno: 1054, message: "Unknown column 'x'" }, 'SCHEMA_MISMATCH'],
      [{ code: 'ER_TABLEACCESS_DENIED_ERROR', errno: 1142, message: 'INSERT command denied' }, 'PERMISSION_DENIED'],
      [{ code: 'ER_OPTION_PREVENTS_STATEMENT', errno: 1290, message: 'running with the --read-only option' }, 'PERMISSION_DENIED'],
      [{ code: 'SQLITE_ERROR', message: 'no such table: t' }, 'NOT_FOUND'],
      [{ code: 'SQLITE_ERROR', message: 'table t has no column named x' }, 'SCHEMA_MISMATCH'],
      [{ code: 'SQLITE_READONLY', message: 'attempt to write a readonly database' }, 'PERMISSION_DENIED'],
      [{ number: 208, code: 'EREQUEST', message: "Invalid object name 't'" }, 'NOT_FOUND'],
      [{ number: 207, code: 'EREQUEST', message: "Invalid column name 'x'" }, 'SCHEMA_MISMATCH'],
      [{ code: 'ORA-00942', message: 'ORA-00942: table or view does not exist' }, 'NOT_FOUND'],
      [{ code: 'ORA-00904', message: 'ORA-00904: "X": invalid identifier' }, 'SCHEMA_MISMATCH'],
    ];
    for (const [error, code] of cases) {
      const e = classify(error);
      expect(e.code, JSON.stringify(error)).toBe(code);
      expect(isTerminal(e), JSON.stringify(error)).toBe(true);
    }
  });
  it('keeps a dropped connection retryable, not terminal', () => {
    const e = classify({ code: 'ECONNRESET', message: 'read ECONNRESET' });
    expect(e.code).toBe('CONNECTION_LOST');
    expect(e.retryable).toBe(true);
    expect(isTerminal(e)).toBe(false);
  });
  it('explains in Chinese and English from the catalog, with the driver words and no secret', () => {
    const e = classify({ code: '28P01', message: 'password authentication failed for user "u" (s3cret)' }, ['s3cret']);
    expect(e.ref?.key).toBe('connectors.loginFailed');
    expect(e.message).toBe('Writing: The database refused the user name or password; check the credentials (password authentication failed for user "u" (***))');
    expect(e.localized('zh-CN')).toBe('写入：数据库拒绝了用户名或密码；请检查账号和密码（password authentication failed for user "u" (***)）');
    expect(e.localized('zh-CN')).not.toContain('s3cret');
  });
  it('an unknown failure keeps the driver words', () => {
    const e = classify({ message: 'something odd' });
    expect(e.code).toBe('INTERNAL');
    expect(e.localized('zh-CN')).toBe('写入失败：something odd');
  });
});
