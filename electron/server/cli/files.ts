import fs from 'node:fs';
import type { z } from 'zod';
import { ExNodeError, parseOrThrow } from '../../../shared/index.js';

/** Reads a JSON file a technician wrote (a BOM is fine) and checks it against `schema`. */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S, what: string): z.output<S> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ExNodeError('INVALID_INPUT', `Cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ExNodeError('INVALID_INPUT', `The ${what} ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseOrThrow(schema, json, `${what} ${file}`);
}
