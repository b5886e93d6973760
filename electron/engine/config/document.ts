import { LineCounter, parseDocument, stringify, isNode } from 'yaml';
import { z } from 'zod';
import type { ConfigProblem } from '../../../shared/config-doc.js';
import { ExNodeError, msg, translate } from '../../../shared/index.js';
import type { EngineServices } from '../services.js';
import type { ConfigSection, NamedItem } from './section.js';
import { CONFIG_SECTIONS } from './registry.js';

export const CONFIG_VERSION = 1;
export const SCHEMA_FILENAME = 'exnode-config.schema.json';
/** How far aliases (*name) may expand, as the yaml library counts it: a real file needs few or none. */
const MAX_ALIASES = 100;

/** The whole file's JSON Schema, for editors (yaml-language-server, VS Code). */
export function configJsonSchema(sections: readonly ConfigSection[] = CONFIG_SECTIONS): Record<string, unknown> {
  const doc = z.object({
    version: z.literal(CONFIG_VERSION),
    ...Object.fromEntries(sections.map((s) => [s.key, s.schema.optional()])),
  }).strict();
  return z.toJSONSchema(doc, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

export async function exportConfig(s: EngineServices, sections: readonly ConfigSection[] = CONFIG_SECTIONS): Promise<{ yaml: string; sections: string[] }> {
  const doc: Record<string, unknown> = { version: CONFIG_VERSION };
  for (const section of sections) {
    const items = await section.current(s);
    doc[section.key] = section.single ? items[0]?.doc : items.map((i) => i.doc);
  }
  const header = [
    `# yaml-language-server: $schema=./${SCHEMA_FILENAME}`,
    '# ExNode 配置（连接、前置交换库、桥接任务、调度、并发上限、资源目录、监控设置、告警通知渠道）。不含任何密码或密钥：',
    '# 每个连接的 passwordVariable、每个通知渠道的 secretVariable / urlVariable 指明导入时从哪个环境变量读取。',
    '# 已部署的调度导入后为停止状态，除非导入时加 --deploy。',
  ].join('\n');
  return { yaml: `${header}\n${stringify(doc, { lineWidth: 0 })}`, sections: sections.map((x) => x.key) };
}

export interface ReadDocument {
  /** Items of each section present in the file; sections absent from the file are left alone. */
  readonly sections: Map<string, NamedItem[]>;
  readonly problems: ConfigProblem[];
  /** Adds the line to a problem found later (references between sections). */
  readonly locate: (p: ConfigProblem) => ConfigProblem;
}

/** Parses and validates the file; every problem names its path and, where known, its line. */
export function readConfig(text: string, s: EngineServices, sections: readonly ConfigSection[] = CONFIG_SECTIONS): ReadDocument {
  const lines = new LineCounter();
  // prettyErrors stays off: its excerpt of a deeply nested line builds a regular expression that exhausts memory.
  const yamlDoc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (yamlDoc.errors.length > 0) {
    const first = yamlDoc.errors[0]!;
    const line = first.linePos?.[0]?.line ?? lines.linePos(first.pos[0]).line;
    if (/call stack/i.test(first.message)) throw new ExNodeError('INVALID_INPUT', msg('config.tooDeep', { line }));
    throw new ExNodeError('INVALID_INPUT', msg('config.notYaml', { line, detail: first.message.split('\n')[0] ?? '' }));
  }
  const problems: ConfigProblem[] = [];
  const value = toPlain(yamlDoc);
  const result = new Map<string, NamedItem[]>();
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { sections: result, problems: [{ where: '(根)', message: '配置文件应为以 version、connections、bridges 等为键的对象' }], locate: (p) => p };
  }
  const doc = value as Record<string, unknown>;
  if (doc.version !== CONFIG_VERSION) problems.push({ where: 'version', message: `version 应为 ${CONFIG_VERSION}` });
  const known = new Set(sections.map((x) => x.key));
  for (const key of Object.keys(doc)) {
    if (key !== 'version' && !known.has(key)) {
      problems.push({ where: key, message: translate('zh-CN', 'config.unknownSection', { section: key, known: [...known].join(', ') }) });
    }
  }
  for (const section of sections) {
    if (doc[section.key] === undefined || doc[section.key] === null) continue;
    const sectionProblems: ConfigProblem[] = [];
    const items = section.read(doc[section.key], s, sectionProblems);
    const seen = new Set<string>();
    items.forEach((item) => {
      if (seen.has(item.name)) sectionProblems.push({ where: section.key, message: translate('zh-CN', 'config.duplicateName', { name: item.name }) });
      seen.add(item.name);
    });
    problems.push(...sectionProblems);
    result.set(section.key, items);
  }
  const locate = (p: ConfigProblem) => withLine(p, yamlDoc, lines);
  return { sections: result, problems: problems.map(locate), locate };
}

/** The document as plain values; an alias bomb (aliases expanding to millions of nodes) is refused. */
function toPlain(doc: ReturnType<typeof parseDocument>): unknown {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    if (e instanceof ReferenceError && /alias/i.test(e.message)) throw new ExNodeError('INVALID_INPUT', msg('config.aliasBomb', { max: MAX_ALIASES }));
    throw e;
  }
}

/** Adds the line of a problem's path (or of its nearest existing parent) to where it is. */
function withLine(p: ConfigProblem, doc: ReturnType<typeof parseDocument>, lines: LineCounter): ConfigProblem {
  const path = [...p.where.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
  for (let n = path.length; n > 0; n -= 1) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return { ...p, where: `${p.where}（第 ${lines.linePos(node.range[0]).line} 行）` };
  }
  return p;
}
