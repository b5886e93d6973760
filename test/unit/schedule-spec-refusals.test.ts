import { describe, expect, it } from 'vitest';
import { scheduleSpecSchema } from '../../shared/schedule.js';
import { issuesText } from '../../shared/validation-text.js';

/** What a technician reads when a schedule is refused: the field, and why, in Chinese (and English). */
function refusal(spec: unknown): { 'zh-CN': string; en: string } {
  const result = scheduleSpecSchema.safeParse(spec);
  expect(result.success, JSON.stringify(spec)).toBe(false);
  return issuesText(result.error!);
}

const HAN = /[\u4e00-\u9fff]/;

describe('hostile schedules are refused with a reason in Chinese', () => {
  it.each([
    ['a shell command', { kind: 'cron', cron: 'rm -rf /' }, 'cron', '不是有效的 cron 表达式'],
    ['seven fields (a year)', { kind: 'cron', cron: '* * * * * * *' }, 'cron', '不是有效的 cron 表达式'],
    ['a step beyond the field', { kind: 'cron', cron: '*/99999999 * * * * *' }, 'cron', '不是有效的 cron 表达式'],
    ['a NUL byte', { kind: 'cron', cron: '0 2 * * *\u0000' }, 'cron', '不是有效的 cron 表达式'],
    ['a date that never comes', { kind: 'cron', cron: '0 0 0 30 2 *' }, 'cron', '永远不会触发'],
    ['a zone that does not exist', { kind: 'cron', cron: '0 2 * * *', timezone: 'Asia/Beijing' }, 'timezone', '未知时区'],
    ['an offset instead of a zone', { kind: 'cron', cron: '0 2 * * *', timezone: '+08:00' }, 'timezone', '未知时区'],
    ['a huge interval', { kind: 'interval', every: '999999h' }, 'every', '1 秒到 31 天'],
    ['a zero interval', { kind: 'interval', every: '0s' }, 'every', '1 秒到 31 天'],
    ['a negative interval', { kind: 'interval', every: '-5s' }, 'every', '1 秒到 31 天'],
    ['days as a unit', { kind: 'interval', every: '2d' }, 'every', '1 秒到 31 天'],
  ])('%s', (_label, spec, field, zh) => {
    const text = refusal(spec);
    expect(text['zh-CN']).toContain(`${field}: `);
    expect(text['zh-CN']).toContain(zh);
    // No English sentence (croner's own words included) in the zh-CN text.
    const reason = text['zh-CN'].slice(text['zh-CN'].indexOf(': ') + 2);
    expect(reason.replace(/\d+[smh]|IANA|Asia\/Shanghai|cron|[*/\d\s]+/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    expect(text.en).not.toMatch(HAN);
  });

  it('still takes every-second cron, a 31-day interval and a daylight-saving zone', () => {
    expect(scheduleSpecSchema.safeParse({ kind: 'cron', cron: '* * * * * *' }).success).toBe(true);
    expect(scheduleSpecSchema.safeParse({ kind: 'interval', every: '744h' }).success).toBe(true);
    expect(scheduleSpecSchema.safeParse({ kind: 'cron', cron: '30 2 * * *', timezone: 'Europe/Berlin' }).success).toBe(true);
  });
});
