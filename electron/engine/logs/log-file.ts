import fs from 'node:fs';
import path from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';
import { type Lang, type MessageRef, render } from '../../../shared/index.js';
import { redactSecrets } from '../redact.js';

/** Logs of the node live in the data directory, next to the state it describes. */
export const LOGS_FOLDER = 'logs';
export const logsDir = (dataDir: string): string => path.join(dataDir, LOGS_FOLDER);

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogFileOptions {
  /** Size at which the file rotates, in rotating-file-stream's notation. */
  readonly size?: `${number}${'K' | 'M'}`;
  /** Rotated files kept besides the current one (`engine.1.log` is the newest). */
  readonly keep?: number;
  /** Language of the lines: English by default, for the department's log tools. */
  readonly lang?: Lang;
}

export interface LogFile {
  readonly file: string;
  write(level: LogLevel, message: MessageRef | string, fields?: Record<string, unknown>): void;
  /** Resolves once every line written so far is in the file. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One rotating log file (`<dir>/<name>.log`, rotated to `<name>.1.log`...`<name>.N.log`), one line per
 * entry: time, level, message, then its fields as JSON with every secret-looking field masked.
 */
export function openLogFile(dir: string, name: string, options: LogFileOptions = {}): LogFile {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // In classic rotation (`rotate`), rotating-file-stream passes the rotation number as the first argument.
  const stream: RotatingFileStream = createStream((index) => (index ? `${name}.${Number(index)}.log` : `${name}.log`), {
    path: dir, size: options.size ?? '10M', rotate: options.keep ?? 5, mode: 0o600,
  });
  let failed = false;
  stream.on('error', () => {
    failed = true; // a full disk must not stop the engine; the next start tries again
  });
  const lang = options.lang ?? 'en';
  let written: Promise<void> = Promise.resolve();
  return {
    file: path.join(dir, `${name}.log`),
    write(level, message, fields) {
      if (failed || stream.destroyed) return;
      const line = formatLine(new Date(), level, render(lang, message), fields);
      written = new Promise<void>((resolve) => stream.write(line, () => resolve()));
    },
    flush: () => written,
    close: () => new Promise<void>((resolve) => {
      if (stream.destroyed || stream.writableEnded) return resolve();
      stream.end(() => resolve());
    }),
  };
}

export function formatLine(at: Date, level: LogLevel, text: string, fields?: Record<string, unknown>): string {
  const extra = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(redactSecrets(fields))}` : '';
  return `${at.toISOString()} ${level.toUpperCase().padEnd(5)} ${text.replace(/\r?\n/g, ' | ')}${extra}\n`;
}
