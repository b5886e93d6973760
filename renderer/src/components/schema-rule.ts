import type { FormRule as Rule } from 'antd';
import type { z } from 'zod';
import { firstProblem } from '../../../shared/validation-text.js';
import i18n from '../i18n/index.js';

/** A form rule that checks a field with the same zod schema the engine uses, in the console's language. */
export function schemaRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const problem = firstProblem(schema, value, i18n.language === 'en' ? 'en' : 'zh-CN');
      if (problem) throw new Error(problem);
    },
  };
}
