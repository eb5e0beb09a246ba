import type { AddressInfo, Server } from 'node:net';
import { App, LogLevel, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Config } from '../../config.js';
import type { Registry } from '../../core/dispatch.js';
import type { Guard } from '../../core/guards.js';
import type { Logger, RunningAdapter } from '../../core/platform.js';
import { registerSecret } from '../../core/secrets.js';
import type { Store } from '../../store/queries.js';
import { registerHandlers, requestIdOf } from './actions.js';
import { adminCheck } from './admin.js';
import { boltLogger, errorText, redacting } from './log.js';
import { findPosted, postReply } from './outbound.js';

export interface SlackClientOptions {
  slackApiUrl?: string;
  retryConfig?: webApi.RetryOptions;
  timeout?: number;
}

export interface StartSlackOptions {
  botToken: string;
  /** App-level token (xapp-…): Socket Mode, the default — no public URL needed. */
  appToken?: string;
  /** Used when there is no app token: HTTP mode, Slack POSTs to http(s)://host:port/slack/events. */
  signingSecret?: string;
  port?: number;
  host?: string;
  store: Store;
  registry: Registry;
  config: Config;
  log: Logger;
  guards?: Guard[];
  clientOptions?: SlackClientOptions;
  now?: () => Date;
}

/**
 * Production retry policy for Web API calls: WebClient waits out a 429's Retry-After and retries, but a few
 * times, not the library's default of half an hour — a digest post or an answer that old is worthless.
 */
const RETRY: webApi.RetryOptions = { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 10_000 };
const TIMEOUT_MS = 15_000;
/**
 * The Socket Mode client's own WebClient only opens connections; it keeps Slack's patient reconnect policy,
 * because giving up there ends the connection for good.
 */
const RECONNECT_RETRY: webApi.RetryOptions = { retries: 100, factor: 1.3 };

/** Raised when Slack refuses the configuration at start-up; the message names the variable, never a value. */
export class SlackStartError extends Error {}

/**
 * Starts the Slack adapter: the Bolt app over Socket Mode (with an app token) or HTTP (with a signing
 * secret), `/beatbook`, its buttons and the "Find in Beatbook" shortcut. Resolves once Slack can deliver.
 */
export async function startSlack(opts: StartSlackOptions): Promise<RunningAdapter & { port?: number }> {
  // From here on, these values are cut out of every log line verbatim, whatever their shape.
  for (const secret of [opts.botToken, opts.appToken, opts.signingSecret]) registerSecret(secret);
  const log = redacting(opts.log);
  const now = opts.now ?? (() => new Date());
  const level = (opts.config.LOG_LEVEL as LogLevel | undefined) ?? LogLevel.INFO;
  const logger = boltLogger(log, level);
  if (!opts.appToken && !opts.signingSecret)
    throw new SlackStartError('Slack needs SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP mode).');
  const clientOptions = (): webApi.WebClientOptions => ({
    retryConfig: RETRY,
    timeout: TIMEOUT_MS,
    ...opts.clientOptions,
    logger,
  });

  // One auth.test before anything listens: a wrong token stops start-up with a clear line, and the bot's
  // ids (for wasPosted and ignoring itself) are known without Bolt repeating the call.
  const probe = new webApi.WebClient(opts.botToken, clientOptions());
  let bot: { botId?: string; botUserId?: string };
  try {
    const auth = await probe.auth.test();
    bot = { botId: auth.bot_id, botUserId: auth.user_id };
  } catch (e) {
    throw new SlackStartError(`Slack refused SLACK_BOT_TOKEN (${errorText(e)}).`);
  }

  const socket = opts.appToken
    ? new SocketModeReceiver({
        appToken: opts.appToken,
        logger,
        logLevel: level,
        installerOptions: {
          clientOptions: {
            ...clientOptions(),
            retryConfig: opts.clientOptions?.retryConfig ?? RECONNECT_RETRY,
          },
        },
      })
    : undefined;
  const app = new App({
    token: opts.botToken,
    botId: bot.botId,
    botUserId: bot.botUserId,
    ...(socket ? { receiver: socket, socketMode: true } : { signingSecret: opts.signingSecret }),
    logger,
    logLevel: level,
    clientOptions: clientOptions(),
    convoStore: false,
  });
  // Bolt's last stop for anything a listener throws (a failing respond(), a bug): log it and carry on.
  app.error(async (error) => {
    const requestId = requestIdOf(error);
    log({
      level: 'error',
      msg: 'slack listener failed',
      ...(requestId ? { requestId } : {}),
      code: error.code,
      error: errorText(error),
    });
  });
  const isAdmin = adminCheck(app.client, opts.config.admins, now, log);
  registerHandlers(app, { registry: opts.registry, store: opts.store, log, guards: opts.guards, now, isAdmin });

  let port: number | undefined;
  try {
    if (socket) {
      await app.start();
    } else {
      const server = (await app.start({ port: opts.port ?? 3000, host: opts.host })) as Server;
      port = (server.address() as AddressInfo).port;
    }
  } catch (e) {
    if (socket) await socket.client.disconnect().catch(() => undefined);
    throw new SlackStartError(
      socket
        ? `Slack Socket Mode did not connect: ${errorText(e)} (check SLACK_APP_TOKEN and that Socket Mode is on).`
        : `Slack HTTP mode could not listen on port ${opts.port ?? 3000}: ${errorText(e)}.`,
    );
  }
  log({ level: 'info', msg: `slack connected (${socket ? 'Socket Mode' : `HTTP mode on port ${port}`})` });

  let stopping: Promise<void> | undefined;
  return {
    platform: 'slack',
    ...(port !== undefined ? { port } : {}),
    post: (channelId, reply) => postReply(app.client, channelId, reply),
    wasPosted: (channelId, marker, since) => findPosted(app.client, bot, channelId, marker, since),
    stop() {
      // SocketModeReceiver.stop() does not wait for the socket to close; the client's disconnect() does.
      stopping ??= socket ? socket.client.disconnect() : app.stop().then(() => undefined);
      return stopping;
    },
  };
}
