import { EventEmitter } from 'node:events';
import { RestartPolicy, type RestartDecision } from './restart-policy.js';
import type { EngineEventLike } from './tray-state.js';

/** The engine process as the shell sees it (Electron's UtilityProcess, or a Node ChildProcess in tests). */
export interface EngineProcess {
  readonly pid?: number | undefined;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number | null) => void): unknown;
  kill(): boolean;
}

export interface SupervisorDeps {
  fork(): EngineProcess;
  readonly policy?: RestartPolicy;
  now?(): number;
  schedule?(work: () => void, ms: number): { cancel(): void };
  /** The last lines of the engine's log, for the crash window. */
  lastLogLines(): string[];
}

export interface SupervisorEvents {
  ready: [url: string, restarted: boolean];
  event: [event: EngineEventLike];
  restarting: [info: { code: number | null; delayMs: number; attempt: number }];
  'gave-up': [info: { deaths: number; lastLines: string[]; lastFailure: string | null }];
}

interface HostMessage {
  type?: string;
  url?: string;
  message?: string;
  event?: EngineEventLike;
}

/**
 * Keeps the engine running: starts it, relays its messages, and when it dies starts it again as the
 * restart policy says, or gives up and hands over its last log lines. `stop()` is the only exit that is
 * not a death.
 */
export class EngineSupervisor extends EventEmitter<SupervisorEvents> {
  private child: EngineProcess | null = null;
  private stopping = false;
  private pending: { cancel(): void } | null = null;
  private startedOnce = false;
  private lastFailure: string | null = null;
  private readonly policy: RestartPolicy;
  url: string | null = null;

  constructor(private readonly deps: SupervisorDeps) {
    super();
    this.policy = deps.policy ?? new RestartPolicy();
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null;
  }

  start(): void {
    if (this.child || this.stopping) return;
    const child = this.deps.fork();
    this.child = child;
    child.on('message', (raw) => {
      const message = raw as HostMessage;
      if (message.type === 'ready' && typeof message.url === 'string') {
        this.url = message.url;
        this.emit('ready', message.url, this.startedOnce);
        this.startedOnce = true;
      } else if (message.type === 'failed') {
        this.lastFailure = message.message ?? null;
      } else if (message.type === 'event' && message.event && typeof message.event.type === 'string') {
        this.emit('event', message.event);
      }
    });
    child.on('exit', (code) => this.onExit(child, code));
  }

  /** After giving up: a person asked to try again. */
  retry(): void {
    this.policy.reset();
    this.start();
  }

  /** Stops the engine for good (quit). */
  stop(): Promise<void> {
    this.stopping = true;
    this.pending?.cancel();
    this.pending = null;
    const child = this.child;
    if (!child) return Promise.resolve();
    return new Promise((resolve) => {
      child.on('exit', () => resolve());
      child.kill();
    });
  }

  private onExit(child: EngineProcess, code: number | null): void {
    if (this.child !== child) return;
    this.child = null;
    this.url = null;
    if (this.stopping) return;
    const decision: RestartDecision = this.policy.onDeath((this.deps.now ?? Date.now)());
    if (decision.action === 'give-up') {
      this.emit('gave-up', { deaths: decision.deaths, lastLines: this.deps.lastLogLines(), lastFailure: this.lastFailure });
      return;
    }
    this.emit('restarting', { code, delayMs: decision.delayMs, attempt: decision.attempt });
    const schedule = this.deps.schedule ?? ((work, ms) => {
      const timer = setTimeout(work, ms);
      return { cancel: () => clearTimeout(timer) };
    });
    this.pending = schedule(() => {
      this.pending = null;
      this.start();
    }, decision.delayMs);
  }
}
