import fs from 'node:fs';
import type { z } from 'zod';
import { ExNodeError, type MessageKey, msg, parseOrThrow } from '../../../shared/index.js';

/** Reads a JSON file a technician wrote (a BOM is fine) and checks it against `schema`. */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S, whatKey: MessageKey): z.output<S> {
  const what = msg(whatKey);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new ExNodeError('INVALID_INPUT', msg('common.fileUnreadable', { what, file, reason: missing ? msg('common.fileMissing') : (error as Error).message }));
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ExNodeError('INVALID_INPUT', msg('common.fileNotJson', { what, file, reason: (error as Error).message }));
  }
  return parseOrThrow(schema, json, msg('common.fileSubject', { what, file }));
}
