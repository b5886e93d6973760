import type { auditOps } from '../../../shared/ops/audit.js';
import { auditCsv, auditXlsx } from '../audit/export.js';
import type { HandlersFor } from './types.js';

const EXPORT_LIMIT = 1_000_000;

/** The auditor's view of the audit log. */
export const auditHandlers: HandlersFor<typeof auditOps> = {
  'audit/list': async (input, s) => {
    const { limit, offset, ...filter } = input;
    return s.auditSearch.search(filter, limit, offset);
  },
  'audit/verify': async (_input, s) => s.audit.verify(),
  'audit/export': async (input, s) => {
    const { records } = await s.auditSearch.search(input.filter, EXPORT_LIMIT, 0);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const content = input.format === 'csv' ? auditCsv(records) : await auditXlsx(records);
    return {
      filename: `exnode-audit-${stamp}.${input.format}`,
      mimeType: input.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      base64: content.toString('base64'),
      records: records.length,
    };
  },
};
