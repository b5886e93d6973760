import type { z } from 'zod';
import type { ConfigProblem } from '../../../shared/config-doc.js';
import type { EngineServices } from '../services.js';

/** One named thing of a section in its file form (names are the identity, never internal ids). */
export interface NamedItem {
  readonly name: string;
  /** The item as the file writes it, normalized (defaults filled) so equal items compare equal. */
  readonly doc: Record<string, unknown>;
}

export interface ApplyContext {
  readonly services: EngineServices;
  /** Passwords by connection name, read by the caller from the named variables or a prompt. */
  readonly passwords: Readonly<Record<string, string>>;
  readonly withoutPassword: { name: string; variable: string }[];
}

/** What a section's items may refer to: the names the node will have once the file is applied. */
export interface NameSpace {
  readonly connections: ReadonlySet<string>;
  readonly bridges: ReadonlySet<string>;
}

/**
 * One section of the configuration file (connections, bridges, catalog...). Each is a small module:
 * how it is exported, read, compared and applied. The registry lists them in the order they apply.
 */
export interface ConfigSection {
  readonly key: string;
  /** The section's value in the file, for the JSON Schema editors use. */
  readonly schema: z.ZodType;
  /** A single object (the exchange database) rather than a list of named items. */
  readonly single?: boolean;
  /** Fields that never count as a change (a password's variable name). */
  readonly ignoreInDiff?: readonly string[];
  current(s: EngineServices): Promise<NamedItem[]>;
  /** Reads the section's value from the file; problems carry their path (`bridges[2].source.table`). */
  read(value: unknown, s: EngineServices, problems: ConfigProblem[]): NamedItem[];
  /** Problems of references to other sections' names. */
  check?(items: readonly NamedItem[], names: NameSpace, problems: ConfigProblem[]): void;
  upsert(item: NamedItem, ctx: ApplyContext): Promise<void>;
  /** Removing is not offered by single sections. */
  remove?(name: string, s: EngineServices): Promise<void>;
}
