import nodemailer from 'nodemailer';
import type { Alert, AlertSeverity, ChannelConfig, ChannelView, Delivery } from '../../../../shared/index.js';
import { ALERT_SEVERITIES, ExNodeError, channelInputSchema, maskWebhookUrl, msg, render, type MessageRef } from '../../../../shared/index.js';
import type { z } from 'zod';
import type { StateDb } from '../../store/db.js';
import type { Vault } from '../../secrets/vault.js';
import { nowIso } from '../../clock.js';
import { newId } from '../../ids.js';
import { type Notice, noticeText, webhookRequest } from './formats.js';
import { maskUrlsIn, unmaskUrl } from '../../redact.js';
import { readStoredMessage, storeMessage } from '../../store/stored-message.js';

interface ChannelRow {
  id: string; kind: string; name: string; config_json: string; secret_enc: string | null; url_enc: string | null; enabled: number | boolean;
  min_severity: string; last_sent_at: string | null; last_error: string | null; last_error_at: string | null;
}

/** Tries per delivery, and the waits between them. */
export const RETRY_DELAYS_MS = [1000, 4000];
const TIMEOUT_MS = 10_000;

/**
 * Notification channels: stored with their secrets sealed (the signing secret or SMTP password, and a webhook
 * address that carries an access token: config_json keeps only its masked form), each delivery retried, its
 * failure kept on the channel.
 */
export class Channels {
  retryDelaysMs: readonly number[] = RETRY_DELAYS_MS;

  constructor(private readonly db: StateDb, private readonly vault: Vault) {}

  async list(): Promise<ChannelView[]> {
    return (await this.db<ChannelRow>('monitor_channels').orderBy('name')).map(toView);
  }

  async save(input: z.output<typeof channelInputSchema>): Promise<ChannelView> {
    const existing = await this.db<ChannelRow>('monitor_channels').where({ name: input.name }).first();
    let config = input.config;
    // The console shows the robot's address with its access token masked; saving it back keeps the stored token.
    if ('url' in config) {
      const url = unmaskUrl(config.url, existing ? this.configOf(existing).url : undefined);
      if (url === null) throw new ExNodeError('INVALID_INPUT', msg('security.retypeUrl', { name: input.name }));
      config = { ...config, url };
    }
    const secret = input.secret === undefined ? existing?.secret_enc ?? null : input.secret === null ? null : this.vault.encrypt(input.secret);
    const row = {
      id: existing?.id ?? newId('ch'), kind: config.kind, name: input.name, ...this.sealed(config),
      secret_enc: secret, enabled: input.enabled, min_severity: input.minSeverity,
    };
    if (existing) await this.db('monitor_channels').where({ id: existing.id }).update(row);
    else await this.db('monitor_channels').insert(row);
    return toView((await this.db<ChannelRow>('monitor_channels').where({ id: row.id }).first())!);
  }

  /** Seals the token-carrying addresses of channels saved before addresses were sealed (once, at start). */
  async sealPlainAddresses(): Promise<number> {
    const rows = await this.db<ChannelRow>('monitor_channels').whereNull('url_enc');
    let sealed = 0;
    for (const row of rows) {
      const columns = this.sealed(JSON.parse(row.config_json) as ChannelConfig);
      if (columns.url_enc === null) continue;
      await this.db('monitor_channels').where({ id: row.id }).update(columns);
      sealed++;
    }
    return sealed;
  }

  /** The columns that store `config`: a webhook address with credentials only masked in config_json, whole in url_enc. */
  private sealed(config: ChannelConfig): { config_json: string; url_enc: string | null } {
    if (!('url' in config)) return { config_json: JSON.stringify(config), url_enc: null };
    const masked = maskWebhookUrl(config.url);
    return masked === config.url
      ? { config_json: JSON.stringify(config), url_enc: null }
      : { config_json: JSON.stringify({ ...config, url: masked }), url_enc: this.vault.encrypt(config.url) };
  }

  /** A stored channel's settings with its real address, for sending. */
  private configOf(row: ChannelRow): ChannelConfig & { url?: string } {
    const config = JSON.parse(row.config_json) as ChannelConfig;
    return row.url_enc && 'url' in config ? { ...config, url: this.vault.decrypt(row.url_enc) } : config;
  }

  async remove(name: string): Promise<void> {
    const n = await this.db('monitor_channels').where({ name }).delete();
    if (n === 0) throw new ExNodeError('NOT_FOUND', msg('alerts.channelNotFound', { name }));
  }

  async test(name: string): Promise<Delivery> {
    const row = await this.db<ChannelRow>('monitor_channels').where({ name }).first();
    if (!row) throw new ExNodeError('NOT_FOUND', msg('alerts.channelNotFound', { name }));
    return this.deliver(row, { event: 'test', alert: null });
  }

  /** Sends an alert that opened (first seen) or resolved to every enabled channel whose threshold it meets. */
  async notify(alert: Alert, event: 'alert.opened' | 'alert.resolved'): Promise<Delivery[]> {
    const rows = await this.db<ChannelRow>('monitor_channels').where({ enabled: true });
    const due = rows.filter((r) => rank(alert.severity) <= rank(r.min_severity as AlertSeverity));
    return Promise.all(due.map((r) => this.deliver(r, { event, alert })));
  }

  private async deliver(row: ChannelRow, notice: Notice): Promise<Delivery> {
    const config = this.configOf(row);
    const secret = row.secret_enc ? this.vault.decrypt(row.secret_enc) : null;
    let attempts = 0;
    let error: MessageRef | null = null;
    for (;;) {
      attempts++;
      try {
        await send(config, secret, notice);
        error = null;
        break;
      } catch (e) {
        error = deliveryFailure(e);
        const wait = this.retryDelaysMs[attempts - 1];
        if (wait === undefined) break;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
    const now = nowIso();
    await this.db('monitor_channels').where({ id: row.id }).update(error === null
      ? { last_sent_at: now, last_error: null, last_error_at: null }
      : { last_error: storeMessage(msg('alerts.deliveryAttempts', { reason: error, attempts })), last_error_at: now });
    return { ok: error === null, attempts, error: error === null ? null : render('en', error), errorMessage: error };
  }
}

async function send(config: ChannelConfig, secret: string | null, notice: Notice): Promise<void> {
  if (config.kind === 'email') {
    const transport = nodemailer.createTransport({
      host: config.host, port: config.port, secure: config.secure,
      ...(config.user ? { auth: { user: config.user, pass: secret ?? '' } } : {}),
      connectionTimeout: TIMEOUT_MS, greetingTimeout: TIMEOUT_MS, socketTimeout: TIMEOUT_MS,
    });
    const zh = noticeText(notice, 'zh-CN');
    await transport.sendMail({ from: config.from, to: config.to.join(', '), subject: `ExNode: ${zh.slice(0, 80)}`, text: `${zh}\n\n${noticeText(notice, 'en')}` });
    return;
  }
  const request = webhookRequest(config, secret, notice);
  const response = await fetch(request.url, {
    method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(request.body), signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new DeliveryRefused(msg('alerts.deliveryHttp', { status: response.status, detail: maskUrlsIn(text.slice(0, 200)) }));
  // The group robots answer 200 with an error code in the body.
  if (config.kind !== 'webhook') {
    const body = safeJson(text) as { errcode?: number; errmsg?: string } | null;
    if (body && typeof body.errcode === 'number' && body.errcode !== 0) {
      throw new DeliveryRefused(msg('alerts.deliveryRefused', { detail: maskUrlsIn(`${body.errcode} ${body.errmsg ?? ''}`) }));
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

const rank = (s: AlertSeverity): number => ALERT_SEVERITIES.indexOf(s);

function toView(row: ChannelRow): ChannelView {
  return {
    id: row.id, name: row.name, config: viewConfig(JSON.parse(row.config_json) as ChannelConfig), hasSecret: row.secret_enc !== null,
    enabled: Boolean(row.enabled), minSeverity: row.min_severity as AlertSeverity,
    lastSentAt: row.last_sent_at, ...lastErrorOf(row.last_error), lastErrorAt: row.last_error_at,
  };
}

/** A channel's settings as the API shows them: a robot address's access token is the channel's credential, never shown. */
function viewConfig(config: ChannelConfig): ChannelConfig {
  return 'url' in config ? { ...config, url: maskWebhookUrl(config.url) } : config;
}

/** The receiver answered, and said no. */
class DeliveryRefused extends Error {
  constructor(readonly ref: MessageRef) {
    super(render('en', ref));
  }
}

/** Why a delivery failed, with no access token of an address in it. */
function deliveryFailure(error: unknown): MessageRef {
  if (error instanceof DeliveryRefused) return error.ref;
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = [(error as Error).message, cause?.code ?? cause?.message].filter(Boolean).join(': ');
  return msg('alerts.deliveryFailed', { detail: maskUrlsIn(detail) });
}

/** A channel's last failure as stored; older versions kept masked English text. */
function lastErrorOf(stored: string | null): Pick<ChannelView, 'lastError' | 'lastErrorMessage'> {
  if (stored === null) return { lastError: null, lastErrorMessage: null };
  const { text, message } = readStoredMessage(stored);
  return { lastError: maskUrlsIn(text), lastErrorMessage: message };
}
