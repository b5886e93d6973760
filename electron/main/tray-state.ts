/**
 * What the tray shows (all good / running / alert), derived from the engine's events alone. Events it
 * does not know are ignored, so new kinds can arrive without a change here. Alerts: monitoring's
 * `alert.changed` carries the alert with its status (open counts; acknowledged and resolved do not),
 * and `alert.raised` / `alert.resolved` / `alert.acknowledged` with an `id` are understood as well.
 */
export type TrayState = 'ok' | 'running' | 'alert';

export interface NodeState {
  /** Runs queued or running, by id. */
  readonly active: ReadonlyMap<string, string>;
  /** Bridges whose last run failed (cleared by their next successful run). */
  readonly failedBridges: ReadonlySet<string>;
  /** Open alerts from monitoring, by id. */
  readonly openAlerts: ReadonlySet<string>;
}

export const INITIAL_NODE_STATE: NodeState = { active: new Map(), failedBridges: new Set(), openAlerts: new Set() };

export interface EngineEventLike {
  readonly type: string;
  readonly payload?: unknown;
}

interface RunLike {
  id: string;
  bridgeName: string;
  status: string;
}

function isRun(value: unknown): value is RunLike {
  const v = value as Partial<RunLike> | null;
  return !!v && typeof v.id === 'string' && typeof v.bridgeName === 'string' && typeof v.status === 'string';
}

function alertId(value: unknown): string | null {
  const v = value as { id?: unknown; alert?: { id?: unknown } } | null;
  const id = v?.id ?? v?.alert?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

export function reduceNodeState(state: NodeState, event: EngineEventLike): NodeState {
  if (event.type === 'run.updated' && isRun(event.payload)) {
    const run = event.payload;
    const active = new Map(state.active);
    const failed = new Set(state.failedBridges);
    if (run.status === 'queued' || run.status === 'running') active.set(run.id, run.bridgeName);
    else active.delete(run.id);
    if (run.status === 'failed') failed.add(run.bridgeName);
    if (run.status === 'succeeded') failed.delete(run.bridgeName);
    return { ...state, active, failedBridges: failed };
  }
  if (event.type === 'alert.changed') {
    const id = alertId(event.payload);
    const status = (event.payload as { status?: unknown } | null)?.status;
    if (id === null || typeof status !== 'string') return state;
    const open = new Set(state.openAlerts);
    if (status === 'open') open.add(id);
    else open.delete(id);
    return { ...state, openAlerts: open };
  }
  const alert = /^alerts?\.(raised|opened|resolved|acknowledged|acked|closed)$/.exec(event.type);
  const id = alert ? alertId(event.payload) : null;
  if (alert && id !== null) {
    const open = new Set(state.openAlerts);
    if (alert[1] === 'raised' || alert[1] === 'opened') open.add(id);
    else open.delete(id);
    return { ...state, openAlerts: open };
  }
  return state;
}

export function trayStateOf(state: NodeState): TrayState {
  if (state.openAlerts.size > 0 || state.failedBridges.size > 0) return 'alert';
  if (state.active.size > 0) return 'running';
  return 'ok';
}

/** Runs in progress, for the quit question. */
export function activeRunIds(state: NodeState): string[] {
  return [...state.active.keys()];
}
