import type { Command } from 'commander';
import type { EngineEvent, Lang, MessageKey, MessageParams, OperationName, Output } from '../../../shared/index.js';

export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
  lang?: string;
}

/**
 * What a command talks to: the node's operations and its live events. Today an engine opened in this
 * process; a running service reached over its API is the same interface.
 */
export interface CliApi {
  call<K extends OperationName>(op: K, input: unknown): Promise<Output<K>>;
  subscribe(listener: (event: EngineEvent) => void): () => void;
}

/** What every command file gets: the program's options, a session with the node, and output helpers. */
export interface CliContext {
  readonly program: Command;
  opts(): GlobalOptions;
  /** Runs `work` with the node's API, then closes what it opened. */
  session(work: (api: CliApi) => Promise<void>): Promise<void>;
  /** JSON under --json, else the human form. */
  emit(value: unknown, human: () => void): void;
  setExitCode(code: number): void;
  /** The language of human output: zh-CN when the environment's locale is Chinese, else English. */
  lang(): Lang;
  /** A catalog message in the output language. */
  t(key: MessageKey, params?: MessageParams): string;
  /** A live progress line on an interactive terminal (never in --json output or a pipe); returns its end. */
  liveProgress(api: CliApi, line: (event: EngineEvent) => string | null): () => void;
}

/** Each command file registers its verbs on the program. */
export type RegisterCommands = (program: Command, cli: CliContext) => void;
