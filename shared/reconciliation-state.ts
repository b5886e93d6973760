import { z } from 'zod';
import { type MessageParams, type MessageRef, msg, hasMessage } from './messages/index.js';
import { messageRefSchema } from './message-schema.js';

/**
 * The reconciliation of one run (桥接核对), told honestly: a run that did not finish proves nothing,
 * so it is "not reconciled" with its reason, never "deviation 0". The console, the CLI and the API
 * all show this one value, computed here and nowhere else.
 */
export const RECONCILIATION_STATUSES = ['reconciled', 'deviation', 'not-reconciled'] as const;
export type ReconciliationStatus = (typeof RECONCILIATION_STATUSES)[number];

export const DEVIATION_KINDS = ['inserted', 'updated', 'deleted'] as const;


export const runReconciliationSchema = z.object({
  status: z.enum(RECONCILIATION_STATUSES),
  /** Kinds whose sender and receiver counts differ (deviation only). */
  kinds: z.array(z.enum(DEVIATION_KINDS)),
  /** The phase a run that did not finish stopped in (not reconciled only). */
  phase: z.string().nullable(),
  /** One line for people: the status, and for a run that did not finish, why. */
  summary: messageRefSchema,
  /** What the counts mean: rows read against rows that changed and rows applied. */
  meaning: messageRefSchema,
});
export type RunReconciliation = z.infer<typeof runReconciliationSchema>;

/** What of a run record the reconciliation depends on (kept structural: bridge.ts builds on this file). */
export interface RunFacts {
  readonly status: 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'skipped';
  /** Why a trigger did not start a run (status `skipped`). */
  readonly skippedReason?: string | null | undefined;
  /** The same reason as catalog key and parameters (rows written since reasons are keys). */
  readonly skippedReasonRef?: MessageRef | undefined;
  readonly progress: { readonly phase: string };
  readonly sender: { readonly total: number; readonly inserted: number; readonly updated: number; readonly deleted: number };
  readonly receiver: { readonly inserted: number; readonly updated: number; readonly deleted: number; readonly rejected: number };
  readonly deviation: { readonly inserted: number; readonly updated: number; readonly deleted: number; readonly total: number };
  readonly error: { readonly code: string; readonly message: string; readonly key?: string | undefined; readonly params?: MessageParams | undefined } | null;
}

/**
 * The phase a run stopped in. A run claimed by the runner but failing before its first progress
 * report (a connection refused, a table missing) still says "queued": it failed while preparing.
 */
export function stoppedPhase(run: Pick<RunFacts, 'status' | 'progress' | 'error'>): string {
  const phase = run.progress.phase;
  if (phase !== 'queued') return phase;
  if (run.status === 'failed') return 'prepare';
  if (run.status === 'cancelled' && run.error?.key !== 'schedule.cancelledQueued' && run.error?.message !== 'Cancelled before it started') return 'prepare';
  return phase;
}

/** A phase as a message, so each shell names it in its language; an unknown phase shows as itself. */
export function phaseText(phase: string): MessageRef | string {
  const key = `monitor.phase.${phase}`;
  return hasMessage(key) ? msg(key) : phase;
}

function meaningOf(run: RunFacts): MessageRef {
  const changed = run.sender.inserted + run.sender.updated;
  return msg('monitor.recon.readMeaning', {
    read: run.sender.total,
    changed: changed + run.sender.deleted,
    unchanged: Math.max(0, run.sender.total - changed),
    applied: run.receiver.inserted + run.receiver.updated + run.receiver.deleted,
    rejected: run.receiver.rejected,
  });
}

/** A run's error as a message to render in each shell's language (its English text when it has no key). */
export function runErrorText(error: { readonly message: string; readonly key?: string | undefined; readonly params?: Readonly<Record<string, unknown>> | undefined }): MessageRef | string {
  return error.key ? { key: error.key, ...(error.params ? { params: error.params as MessageParams } : {}) } : error.message;
}

export function reconciliationOf(run: RunFacts): RunReconciliation {
  const meaning = meaningOf(run);
  if (run.status !== 'succeeded') {
    const phase = stoppedPhase(run);
    const phaseParam = phaseText(phase);
    const reason = run.error?.key || run.error?.message ? runErrorText(run.error) : msg('monitor.recon.noReason');
    const summary = run.status === 'failed' ? msg('monitor.recon.failed', { phase: phaseParam, reason })
      : run.status === 'cancelled' ? msg('monitor.recon.cancelled', { phase: phaseParam, reason })
        : run.status === 'queued' ? msg('monitor.recon.queued')
          : run.status === 'skipped' ? msg('monitor.recon.skipped', { reason: run.skippedReasonRef ?? run.skippedReason ?? msg('monitor.recon.noReason') })
          : msg('monitor.recon.running', { phase: phaseParam });
    return { status: 'not-reconciled', kinds: [], phase, summary, meaning };
  }
  const kinds = DEVIATION_KINDS.filter((k) => run.deviation[k] !== 0);
  if (kinds.length === 0 && run.deviation.total === 0) {
    return { status: 'reconciled', kinds: [], phase: null, summary: msg('monitor.recon.reconciled'), meaning };
  }
  const { total, inserted, updated, deleted } = run.deviation;
  return { status: 'deviation', kinds, phase: null, summary: msg('monitor.recon.deviation', { total, inserted, updated, deleted }), meaning };
}
