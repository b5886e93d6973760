import { z } from 'zod';
import { ALERT_SEVERITIES, ExNodeError, channelConfigSchema, channelInputSchema, msg, translate, type ChannelView } from '../../../../shared/index.js';
import { channelVariableFor } from '../../../../shared/config-doc.js';
import type { ApplyContext, ConfigSection } from '../section.js';
import { readList } from './read-list.js';

const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,127}$/, '应为环境变量名，如 EXNODE_ALERT_SECRET_OPS');
const channelName = z.string().trim().min(1).max(64)
  .refine((n) => !/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(n), '名称不能含控制字符或不可见字符');
const common = {
  name: channelName,
  enabled: z.boolean().default(true),
  minSeverity: z.enum(ALERT_SEVERITIES).default('warning'),
  /** The variable the DingTalk signing secret or the SMTP password comes from (EXNODE_ALERT_SECRET_<NAME>). */
  secretVariable: variableName.optional(),
};
/** The variable the webhook's whole address, token included, comes from (EXNODE_ALERT_URL_<NAME>). */
const hook = { ...common, urlVariable: variableName.optional() };
const [webhook, dingtalk, wecom, email] = channelConfigSchema.options;
const channelDocSchema = z.discriminatedUnion('kind', [webhook.extend(hook), dingtalk.extend(hook), wecom.extend(hook), email.extend(common)])
  .superRefine((doc, ctx) => {
    if ('url' in doc && urlParts(doc.url).token) {
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'webhook 地址中的令牌（? 之后的参数、用户名密码）不能写在配置文件中：请只写地址本身，并用 urlVariable 指明存放完整地址的环境变量' });
    }
  });
type ChannelDoc = z.output<typeof channelDocSchema>;

/** A webhook address split into what a file may show (scheme, host, path) and whether it carries a token. */
function urlParts(url: string): { base: string; token: boolean } {
  const u = new URL(url);
  return { base: `${u.origin}${u.pathname}`, token: u.search !== '' || u.hash !== '' || u.username !== '' || u.password !== '' };
}

function toDoc(view: ChannelView): Record<string, unknown> {
  const { kind, ...config } = view.config;
  const doc: Record<string, unknown> = { name: view.name, kind, ...config, enabled: view.enabled, minSeverity: view.minSeverity };
  if ('url' in view.config) {
    const parts = urlParts(view.config.url);
    doc.url = parts.base;
    if (parts.token) doc.urlVariable = channelVariableFor(view.name, 'url');
  }
  if (view.hasSecret) doc.secretVariable = channelVariableFor(view.name, 'secret');
  // Not parsed again: a name the channel form allowed but the file refuses must not break the export.
  return doc;
}

/**
 * `channels:` where alerts are sent (generic webhook, DingTalk, WeCom, SMTP). No secret is written: the
 * signing secret or SMTP password and a webhook address's token each name the variable they come from.
 */
export const channelsSection: ConfigSection = {
  key: 'channels',
  schema: z.array(channelDocSchema),
  async current(s) {
    return (await s.monitor.channels.list()).map((v) => ({ name: v.name, doc: toDoc(v) }));
  },
  read(value, _s, problems) {
    return readList(value, 'channels', channelDocSchema, (d) => d.name, problems, '应为告警通知渠道的列表');
  },
  check(items, _names, problems) {
    const owner = new Map<string, string>();
    items.forEach((item, i) => {
      for (const variable of channelsSection.variables!(item)) {
        const other = owner.get(variable);
        if (other !== undefined) problems.push({ where: `channels[${i}]`, message: translate('zh-CN', 'config.sharedVariable', { variable, name: item.name, other }) });
        owner.set(variable, item.name);
      }
    });
  },
  variables(item) {
    return [item.doc.urlVariable, item.doc.secretVariable].filter((v): v is string => typeof v === 'string');
  },
  async upsert(item, ctx) {
    const existing = (await ctx.services.monitor.channels.list()).find((c) => c.name === item.name);
    const doc = item.doc as ChannelDoc;
    const { name, enabled, minSeverity, secretVariable, ...rest } = doc as ChannelDoc & { urlVariable?: string };
    const { urlVariable, ...config } = rest as typeof rest & { urlVariable?: string };
    let missing = false;
    if ('url' in config && urlVariable) {
      const url = urlFrom(urlVariable, config.url, existing, ctx);
      if (url === null) missing = flag(ctx, name, urlVariable);
      else config.url = url;
    }
    let secret: string | null | undefined = null;
    if (secretVariable) {
      secret = ctx.secrets[secretVariable] || undefined;
      if (secret === undefined && !existing?.hasSecret) missing = flag(ctx, name, secretVariable);
    }
    const input = channelInputSchema.parse({ name, config, enabled: enabled && !missing, minSeverity, ...(secret === undefined ? {} : { secret }) });
    await ctx.services.monitor.channels.save(input);
  },
  async remove(name, s) {
    await s.monitor.channels.remove(name);
  },
};

/**
 * The whole address from its variable (it must be the file's address plus its token), else the node's
 * stored one when it is the same address, else null: the channel arrives without its token.
 */
function urlFrom(variable: string, base: string, existing: ChannelView | undefined, ctx: ApplyContext): string | null {
  const given = ctx.secrets[variable];
  if (given) {
    const parts = (() => {
      try {
        return /^https?:\/\//i.test(given) ? urlParts(given) : null;
      } catch {
        return null;
      }
    })();
    if (!parts || parts.base !== base) throw new ExNodeError('INVALID_INPUT', msg('config.badUrlVariable', { variable, url: base }));
    return given;
  }
  if (existing && 'url' in existing.config && urlParts(existing.config.url).base === base) return existing.config.url;
  return null;
}

function flag(ctx: ApplyContext, name: string, variable: string): true {
  ctx.withoutSecret.push({ name, variable });
  return true;
}

