/**
 * Quitting the desktop app stops the engine. With runs in progress the shell asks first; a confirmed
 * quit cancels them (the runner stops at the next batch boundary, and the checkpoint makes the next run
 * resume where it stopped), waits for them to finish, then quits.
 */
export type QuitDecision = { readonly action: 'quit' } | { readonly action: 'ask'; readonly runIds: readonly string[] };

export function decideQuit(activeRunIds: readonly string[]): QuitDecision {
  return activeRunIds.length === 0 ? { action: 'quit' } : { action: 'ask', runIds: [...activeRunIds] };
}

/** Buttons of the quit question, in this order; the default and the cancel button is "keep running". */
export const QUIT_BUTTONS = ['keep', 'stop-and-quit'] as const;
export type QuitAnswer = (typeof QUIT_BUTTONS)[number];

export interface RunStopper {
  cancel(runId: string): Promise<void>;
  /** Whether the run is still queued or running. */
  isActive(runId: string): Promise<boolean>;
}

/**
 * Cancels every run and waits until none is active, or until `timeoutMs` passed; returns the runs still
 * active (the shell then quits anyway: a run stopped by the engine's exit resumes from its checkpoint).
 */
export async function stopRuns(runIds: readonly string[], stopper: RunStopper, options: { timeoutMs?: number; pollMs?: number; sleep?: (ms: number) => Promise<void> } = {}): Promise<string[]> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pollMs = options.pollMs ?? 250;
  await Promise.all(runIds.map((id) => stopper.cancel(id).catch(() => undefined)));
  let pending = [...runIds];
  for (let waited = 0; pending.length > 0 && waited < (options.timeoutMs ?? 30_000); waited += pollMs) {
    const stillActive = await Promise.all(pending.map(async (id) => ((await stopper.isActive(id).catch(() => false)) ? id : null)));
    pending = stillActive.filter((id): id is string => id !== null);
    if (pending.length > 0) await sleep(pollMs);
  }
  return pending;
}
