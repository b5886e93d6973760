import { describe, expect, it } from 'vitest';
import { ExNodeError, nodeSettingsSchema, parseOrThrow, resourceNameSchema } from '../../shared/index.js';
import { firstProblem } from '../../shared/validation-text.js';
import { formatLocalTime } from '../../shared/time.js';

describe('validation messages in the reader\'s language', () => {
  it('names a bad name in Chinese, the same schema the server uses', () => {
    expect(firstProblem(resourceNameSchema, '人口 库/1', 'zh-CN')).toMatch(/^只能包含字母、数字、汉字/);
    expect(firstProblem(resourceNameSchema, '人口 库/1', 'en')).toBe('may contain only letters, digits, "_", "-" and "."');
    expect(firstProblem(resourceNameSchema, '人口库', 'zh-CN')).toBeNull();
  });
  it('never shows a raw regular expression for the column prefix', () => {
    const problem = firstProblem(nodeSettingsSchema.shape.columnPrefix, 'Bad', 'zh-CN')!;
    expect(problem).toMatch(/小写字母/);
    expect(problem).not.toMatch(/\^|\$|\\/);
  });
  it('renders zod\'s own issues in Chinese inside the engine\'s INVALID_INPUT error', () => {
    try {
      parseOrThrow(nodeSettingsSchema.partial(), { runnerConcurrency: 'x' });
      expect.unreachable();
    } catch (error) {
      const e = error as ExNodeError;
      expect(e.localized('zh-CN')).toMatch(/^输入无效：runnerConcurrency: 无效输入：期望 数字/);
      expect(e.localized('zh-CN')).not.toMatch(/undefined/);
      expect(e.message).toMatch(/^Invalid input: runnerConcurrency: Invalid input: expected number/);
    }
  });
  it('writes times as local time with the UTC offset', () => {
    expect(formatLocalTime('2026-01-02T03:04:05.000Z')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:05 [+-]\d\d:\d\d$/);
    expect(formatLocalTime(null)).toBe('-');
  });
});
