import { defineMessages } from './define.js';

/**
 * zh-CN for the custom English texts of the shared zod schemas: a field check states its text once,
 * in English, and a schema issue whose text is listed here is shown in the reader's language.
 */
export const validationMessages = defineMessages({
  'validation.nameEmpty': { 'zh-CN': '不能为空', en: 'must not be empty' },
  'validation.nameTooLong': { 'zh-CN': '最多 64 个字符', en: 'must be at most 64 characters' },
  'validation.nameChars': {
    'zh-CN': '只能包含字母、数字、汉字和“_”“-”“.”，不能有空格或“/”',
    en: 'may contain only letters, digits, "_", "-" and "."',
  },
  'validation.prefixChars': { 'zh-CN': '只能包含字母、数字和“_”', en: 'may contain only letters, digits and "_"' },
  'validation.columnPrefix': {
    'zh-CN': '须以小写字母开头，只含小写字母、数字和“_”，并以“_”结尾，最长 16 个字符（例如 exn_）',
    en: 'must be lower-case letters, digits and "_", ending with "_" (e.g. exn_)',
  },
  'validation.timezone': { 'zh-CN': '须为 IANA 时区（如 Asia/Shanghai）或时差（如 +08:00）', en: 'must be an IANA time zone (Asia/Shanghai) or an offset (+08:00)' },
  'validation.tableOrQuery': { 'zh-CN': '请指定数据表或 SQL 查询，二者只能选其一', en: 'give either "table" or "query", not both' },
  'validation.queryKey': { 'zh-CN': 'SQL 查询来源需要指定主键：标识结果集每一行的列', en: 'a query source needs "primaryKey": the column(s) that identify a row of its result' },
  'validation.queryTarget': { 'zh-CN': 'SQL 查询来源需要指定目标表', en: 'a query source needs "target.table": the table its rows are written to' },
  'validation.required': { 'zh-CN': '必填', en: 'required' },
  'validation.cron': {
    'zh-CN': '不是有效的 cron 表达式：须为 5 段（分 时 日 月 周），或 6 段且秒在最前，如 0 2 * * * 或 */10 * * * * *',
    en: 'is not a cron expression: five fields (minute hour day month weekday) or six with seconds first, e.g. 0 2 * * * or */10 * * * * *',
  },
  'validation.cronNever': { 'zh-CN': '永远不会触发（没有这样的日期）：请检查日和月两段', en: 'never fires (no such date): check the day and month fields' },
  'validation.scheduleZone': { 'zh-CN': '未知时区，请使用 IANA 时区名（如 Asia/Shanghai）', en: 'unknown time zone (use an IANA name such as Asia/Shanghai)' },
  'validation.interval': { 'zh-CN': '间隔须如 30s、5m 或 1h（1 秒到 31 天）', en: 'an interval like 30s, 5m or 1h (1 second to 31 days)' },
});
