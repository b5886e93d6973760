import path from 'node:path';
import type { ConnectionConfig, ConnectionView } from '../../../../shared/index.js';
import { connectionConfigSchema } from '../../../../shared/index.js';
import { DATA_DIR_TOKEN, passwordVariableFor, type ConfigProblem } from '../../../../shared/config-doc.js';
import { formatPath } from '../../../../shared/catalog.js';
import type { NamedItem, ApplyContext } from '../section.js';
import { withoutSecret } from '../../connections/summary.js';

/** A connection in the file: its settings without the password, and the variable the password comes from. */
export function connectionToItem(view: ConnectionView, dataDir: string): NamedItem {
  const config = connectionConfigSchema.parse(view.config);
  const doc: Record<string, unknown> = { ...withoutSecret(collapse(config, dataDir)) };
  if (view.hasPassword && !view.passwordEnv) doc.passwordVariable = passwordVariableFor(view.name);
  return { name: view.name, doc };
}

export function readConnectionItem(raw: unknown, where: string, dataDir: string, problems: ConfigProblem[]): NamedItem | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push({ where, message: '应为连接的设置（对象）' });
    return undefined;
  }
  const { passwordVariable, password, ...rest } = raw as Record<string, unknown>;
  if (password !== undefined) problems.push({ where: `${where}.password`, message: '配置文件中不能写密码；请用 passwordVariable 指明存放密码的环境变量' });
  if (passwordVariable !== undefined && (typeof passwordVariable !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(passwordVariable))) {
    problems.push({ where: `${where}.passwordVariable`, message: '应为环境变量名，如 EXNODE_PW_HR' });
  }
  const parsed = connectionConfigSchema.safeParse(expand(rest, dataDir));
  if (!parsed.success) {
    for (const i of parsed.error.issues) problems.push({ where: formatPath(where, i.path), message: i.message });
    return undefined;
  }
  const doc: Record<string, unknown> = { ...withoutSecret(collapse(parsed.data, dataDir)) };
  if (typeof passwordVariable === 'string') doc.passwordVariable = passwordVariable;
  return { name: parsed.data.name, doc };
}

/** The connection's config to save, with the password the caller found for it (or none, flagged). */
export function configToSave(item: NamedItem, ctx: ApplyContext): ConnectionConfig {
  const { passwordVariable, ...rest } = item.doc;
  const config = connectionConfigSchema.parse(expand(rest, ctx.services.dataDir)) as ConnectionConfig & { password?: string };
  if (typeof passwordVariable === 'string') {
    const password = ctx.passwords[item.name];
    if (password !== undefined && password !== '') config.password = password;
    else ctx.withoutPassword.push({ name: item.name, variable: passwordVariable });
  }
  return config;
}

function collapse(config: ConnectionConfig, dataDir: string): ConnectionConfig {
  if (config.dialect !== 'sqlite') return config;
  const rel = path.relative(dataDir, config.filename);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return config;
  return { ...config, filename: `${DATA_DIR_TOKEN}/${rel.split(path.sep).join('/')}` };
}

function expand(raw: Record<string, unknown>, dataDir: string): Record<string, unknown> {
  if (typeof raw.filename === 'string' && raw.filename.startsWith(`${DATA_DIR_TOKEN}/`)) {
    return { ...raw, filename: path.join(dataDir, raw.filename.slice(DATA_DIR_TOKEN.length + 1)) };
  }
  return raw;
}

/** The variable a connection's password comes from, as the file names it. */
export function passwordVariableOf(item: NamedItem): string[] {
  return typeof item.doc.passwordVariable === 'string' ? [item.doc.passwordVariable] : [];
}
