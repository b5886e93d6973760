import { describe, expect, it } from 'vitest';
import { MESSAGES, RUN_PHASES, runRecordSchema } from '../../shared/index.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN.js';
import { en } from '../../renderer/src/i18n/en.js';

describe('the run phases', () => {
  it('each have a name in the engine catalog and in the console, in every language', () => {
    for (const phase of RUN_PHASES) {
      expect(Object.keys(MESSAGES)).toContain(`bridges.phase.${phase}`);
      expect((zhCN.phase as Record<string, string>)[phase], `console zh-CN phase.${phase}`).toBeTruthy();
      expect((en.phase as Record<string, string>)[phase], `console en phase.${phase}`).toBeTruthy();
    }
  });
  it('are the only phases a run record may report', () => {
    const progress = runRecordSchema.shape.progress;
    expect(progress.safeParse({ phase: 'ranges', rowsRead: 0, estimatedTotal: null }).success).toBe(true);
    expect(progress.safeParse({ phase: 'sorting', rowsRead: 0, estimatedTotal: null }).success).toBe(false);
  });
});
