import type { ConfigImportResult, ConfigPlanItem, ConfigProblem } from '../../../shared/config-doc.js';
import { ExNodeError, isExNodeError, msg } from '../../../shared/index.js';
import type { EngineServices } from '../services.js';
import type { Actor } from '../actor.js';
import type { ApplyContext, ConfigSection, NamedItem, PlanNotes } from './section.js';
import { CONFIG_SECTIONS } from './registry.js';
import { readConfig } from './document.js';
import { problemsError, stableJson } from '../catalog/transfer.js';
import { reasonOf } from '../store/stored-message.js';

export interface ImportInput {
  readonly yaml: string;
  readonly apply: boolean;
  readonly passwords: readonly { connection: string; password: string }[];
  readonly secrets?: readonly { variable: string; secret: string }[];
  /** Deploy the schedules the file marks deployed (otherwise they arrive stopped). */
  readonly deploy?: boolean;
}

/**
 * Plans a configuration file against the node and, with `apply`, applies it all or nothing:
 * upserts in section order, then removals in reverse order (bridges before the connections they use).
 */
export async function importConfig(
  s: EngineServices, input: ImportInput, actor: Actor, sections: readonly ConfigSection[] = CONFIG_SECTIONS,
): Promise<ConfigImportResult> {
  const read = readConfig(input.yaml, s, sections);
  const problems: ConfigProblem[] = [...read.problems];
  const current = new Map<string, NamedItem[]>();
  for (const section of sections) current.set(section.key, await section.current(s));

  // The names the node will have once the file is applied, for references between sections.
  const namesOf = (keys: string[]) => new Set(keys.flatMap((k) => (read.sections.get(k) ?? current.get(k) ?? []).map((i) => i.name)));
  const names = { connections: namesOf(['exchange', 'connections']), bridges: namesOf(['bridges']) };
  for (const section of sections) {
    const items = read.sections.get(section.key);
    const found: ConfigProblem[] = [];
    if (items && section.check) section.check(items, names, found);
    problems.push(...found.map(read.locate));
  }

  // Each item as this import will apply it (a deployed schedule arrives stopped unless asked to deploy).
  const secrets = input.secrets ?? [];
  const options = { deploy: input.deploy ?? false };
  const notes: PlanNotes = { notDeployed: [] };
  const incomingOf = new Map<string, NamedItem[]>();
  const variables: ConfigImportResult['variables'] = [];
  for (const section of sections) {
    const items = read.sections.get(section.key);
    if (!items) continue;
    const before = new Map((current.get(section.key) ?? []).map((i) => [i.name, i]));
    incomingOf.set(section.key, items.map((item) => section.effective?.(item, before.get(item.name), options, notes) ?? item));
    for (const item of items) for (const variable of section.variables?.(item) ?? []) variables.push({ section: section.key, name: item.name, variable });
  }

  const plan: ConfigPlanItem[] = [];
  for (const section of sections) {
    const incoming = incomingOf.get(section.key);
    if (!incoming) continue;
    const before = new Map((current.get(section.key) ?? []).map((i) => [i.name, i]));
    for (const item of incoming) {
      const old = before.get(item.name);
      if (!old) plan.push({ section: section.key, name: item.name, action: 'added' });
      else {
        const fields = changedFields(old.doc, item.doc, section.ignoreInDiff ?? []);
        plan.push(fields.length === 0 ? { section: section.key, name: item.name, action: 'unchanged' } : { section: section.key, name: item.name, action: 'changed', fields });
      }
      before.delete(item.name);
    }
    if (!section.single && section.remove) for (const name of before.keys()) plan.push({ section: section.key, name, action: 'removed' });
  }

  const planned = { plan, notDeployed: notes.notDeployed, variables };
  if (problems.length > 0) {
    if (input.apply) throw problemsError(problems, 'config.invalid');
    return { ...planned, problems, applied: false, withoutPassword: [], withoutSecret: [] };
  }
  if (!input.apply) return { ...planned, problems, applied: false, withoutPassword: [], withoutSecret: [] };

  const ctx: ApplyContext = {
    services: s, actor, withoutPassword: [], withoutSecret: [],
    passwords: Object.fromEntries(input.passwords.map((p) => [p.connection, p.password])),
    secrets: Object.fromEntries(secrets.map((x) => [x.variable, x.secret])),
  };
  const saved = await s.configRollback.snapshot();
  let at: ConfigPlanItem | undefined;
  try {
    for (const section of sections) {
      const items = new Map((incomingOf.get(section.key) ?? []).map((i) => [i.name, i]));
      const before = new Map((current.get(section.key) ?? []).map((i) => [i.name, i]));
      for (const step of plan.filter((p) => p.section === section.key && (p.action === 'added' || p.action === 'changed'))) {
        at = step;
        await section.upsert(items.get(step.name)!, ctx, before.get(step.name));
      }
    }
    for (const section of [...sections].reverse()) {
      for (const step of plan.filter((p) => p.section === section.key && p.action === 'removed')) {
        at = step;
        await section.remove!(step.name, s);
      }
    }
  } catch (e) {
    await s.configRollback.restore(saved);
    for (const section of sections) await section.reload?.(s);
    const detail = reasonOf(e);
    throw new ExNodeError(isExNodeError(e) ? e.code : 'INTERNAL', msg('config.applyFailed', { section: at?.section ?? '?', name: at?.name ?? '?', detail }));
  }
  return { ...planned, problems: [], applied: true, withoutPassword: ctx.withoutPassword, withoutSecret: ctx.withoutSecret };
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>, ignore: readonly string[]): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !ignore.includes(k) && stableJson(before[k]) !== stableJson(after[k])).sort();
}
