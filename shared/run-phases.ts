/**
 * Where a run stands: the one list the checkpoint, the progress events and the console's texts
 * (`phase.<name>` in both languages) share.
 */
export const RUN_PHASES = ['queued', 'copy', 'ranges', 'incremental', 'deletes', 'receive', 'done', 'idle'] as const;
export type RunPhase = (typeof RUN_PHASES)[number];
