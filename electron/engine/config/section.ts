import type { z } from 'zod';
import type { ConfigProblem } from '../../../shared/config-doc.js';
import type { EngineServices } from '../services.js';
import type { Actor } from '../actor.js';

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
  /** Alert channels' secrets by variable name, read by the caller like the passwords. */
  readonly secrets: Readonly<Record<string, string>>;
  readonly withoutSecret: { name: string; variable: string }[];
  /** Who imports: a deployed schedule runs as this account. */
  readonly actor: Actor;
}

/** What the caller asked of the import besides the file. */
export interface ImportOptions {
  readonly deploy: boolean;
}

/** What a section says about an item's plan beyond added/changed (shown with the plan). */
export interface PlanNotes {
  readonly notDeployed: string[];
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
  /**
   * The item as this import will apply it, given what the node has now (a deployed schedule arrives stopped
   * unless the import deploys). The plan compares this, so it states what will happen.
   */
  effective?(item: NamedItem, current: NamedItem | undefined, options: ImportOptions, notes: PlanNotes): NamedItem;
  /** The environment variables the item names for its secrets. */
  variables?(item: NamedItem): string[];
  upsert(item: NamedItem, ctx: ApplyContext, current: NamedItem | undefined): Promise<void>;
  /** Removing is not offered by single sections. */
  remove?(name: string, s: EngineServices): Promise<void>;
  /** Brings what the engine keeps in memory (timers, queue limits) back in line with the tables after a rollback. */
  reload?(s: EngineServices): Promise<void>;
}
