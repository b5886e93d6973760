import type { z } from 'zod';
import type { ConfigProblem } from '../../../../shared/config-doc.js';
import { formatPath } from '../../../../shared/catalog.js';
import { issueText } from '../../../../shared/validation-text.js';
import type { NamedItem } from '../section.js';

/**
 * Reads a section that is a list of objects of one schema; each problem names its path
 * (`schedules[1].spec.cron`) and says in Chinese what is wrong.
 */
export function readList<S extends z.ZodType>(
  value: unknown, key: string, schema: S, nameOf: (item: z.output<S>) => string, problems: ConfigProblem[], notAList: string,
): NamedItem[] {
  if (!Array.isArray(value)) {
    problems.push({ where: key, message: notAList });
    return [];
  }
  const items: NamedItem[] = [];
  value.forEach((raw, i) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) items.push({ name: nameOf(parsed.data), doc: parsed.data as Record<string, unknown> });
    else for (const issue of parsed.error.issues) problems.push({ where: formatPath(`${key}[${i}]`, issue.path), message: issueText(issue, 'zh-CN') });
  });
  return items;
}
