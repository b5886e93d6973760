import { z } from 'zod';
import type { Lang, MessageText } from './messages/define.js';
import { validationMessages } from './messages/validation.js';

type Issue = z.core.$ZodIssue;

const BY_ENGLISH = new Map<string, MessageText>(Object.values(validationMessages).map((m) => [m.en, m]));
const zhLocale = z.locales.zhCN();

/**
 * One zod issue in `lang`: a schema's own text (listed in messages/validation.ts) in that language,
 * else zod's wording for the issue (zod's zh-CN locale), never a raw regular expression.
 */
export function issueText(issue: Issue, lang: Lang): string {
  const own = BY_ENGLISH.get(issue.message);
  if (own) return own[lang];
  if (lang === 'en') return issue.code === 'invalid_format' && issue.format === 'regex' ? 'has an invalid format' : issue.message;
  if (issue.code === 'invalid_format' && issue.format === 'regex') return '格式不正确';
  if (issue.code === 'custom') return issue.message;
  const text = zhLocale.localeError(issue as never);
  const rendered = typeof text === 'string' ? text : text?.message;
  // The final issue no longer carries the input, so zod's "received" part would read "undefined".
  return rendered ? rendered.replace(/，实际接收 undefined$/, '') : issue.message;
}

/** Every issue as `path: text` in both languages, for a message parameter. */
export function issuesText(error: z.ZodError): MessageText {
  const line = (lang: Lang) => error.issues
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : lang === 'en' ? '(root)' : '（整体）'}: ${issueText(i, lang)}`)
    .join(lang === 'en' ? '; ' : '；');
  return { 'zh-CN': line('zh-CN'), en: line('en') };
}

/** The first problem of `value` under `schema` in `lang`, or null when it is valid (form validators). */
export function firstProblem(schema: z.ZodType, value: unknown, lang: Lang): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : issueText(result.error.issues[0]!, lang);
}
