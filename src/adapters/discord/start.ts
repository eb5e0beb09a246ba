import {
  type APIMessage,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  RESTJSONErrorCodes,
  Routes,
  SnowflakeUtil,
} from 'discord.js';
import type { Config } from '../../config.js';
import type { Registry } from '../../core/dispatch.js';
import type { Guard } from '../../core/guards.js';
import { ChannelGoneError, type Logger, type RunningAdapter } from '../../core/platform.js';
import type { Reply } from '../../core/reply.js';
import { registerSecret, scrubbing } from '../../core/secrets.js';
import { ButtonStates } from '../../store/buttons.js';
import type { Store } from '../../store/queries.js';
import { buttonIds, interactionHandler } from './interactions.js';
import { describeError } from './redact.js';
import { renderDiscord } from './render.js';

export interface StartDiscordOptions {
  token: string;
  applicationId: string;
  store: Store;
  registry: Registry;
  config: Config;
  log: Logger;
  /** Preconditions run before every handler, e.g. the cooldown. */
  guards?: Guard[];
  /** Tests point `api` at a local fake: 'http://127.0.0.1:PORT/api'. */
  rest?: { api?: string; timeout?: number; retries?: number };
  now?: () => Date;
}

/** How long the gateway may take to report ready before start-up gives up. */
const READY_TIMEOUT_MS = 30_000;
/** How many pages of 100 messages wasPosted reads back; a digest channel sees far fewer in a day. */
const HISTORY_PAGES = 5;

const GONE_CODES = new Set<number>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);

/**
 * Connects the bot and starts answering interactions. Resolves once Discord reports ready; rejects (with the
 * client torn down) when the token is refused or the gateway never becomes ready.
 */
export async function startDiscord(opts: StartDiscordOptions): Promise<RunningAdapter> {
  // From here on the token is cut out of every log line verbatim, whatever its shape.
  registerSecret(opts.token);
  const now = opts.now ?? (() => new Date());
  // Every line the adapter writes passes the scrubber first, whatever sink the caller gave.
  const log = scrubbing(opts.log);
  const client = new Client({
    // Slash commands, buttons and context menus arrive without any privileged intent.
    intents: [GatewayIntentBits.Guilds],
    // The client-wide default; every send below sets it again explicitly.
    allowedMentions: { parse: [] },
    rest: {
      ...(opts.rest?.api ? { api: opts.rest.api } : {}),
      ...(opts.rest?.timeout !== undefined ? { timeout: opts.rest.timeout } : {}),
      ...(opts.rest?.retries !== undefined ? { retries: opts.rest.retries } : {}),
    },
  });
  const buttons = new ButtonStates(opts.store.writer);
  const handle = interactionHandler({
    registry: opts.registry,
    store: opts.store,
    buttons,
    config: opts.config,
    log,
    ...(opts.guards ? { guards: opts.guards } : {}),
    now,
  });

  // Every listener is guarded: nothing that happens on Discord's side may take the process down.
  client.on(Events.InteractionCreate, (i) => {
    handle(i).catch((e: unknown) => log({ level: 'error', msg: 'discord interaction handler', ...describeError(e) }));
  });
  client.on(Events.Error, (e) => log({ level: 'error', msg: 'discord client error', ...describeError(e) }));
  client.on(Events.Warn, (m) => log({ level: 'warn', msg: 'discord warning', detail: m }));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log({ level: 'warn', msg: 'discord gateway disconnected', shard, code: event.code }),
  );
  client.on(Events.ShardReconnecting, (shard) => log({ level: 'info', msg: 'discord gateway reconnecting', shard }));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await client.destroy();
    client.removeAllListeners();
  };

  try {
    const ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Discord did not report ready within ${READY_TIMEOUT_MS / 1000} s`)),
        READY_TIMEOUT_MS,
      );
      client.once(Events.ClientReady, () => {
        clearTimeout(timer);
        resolve();
      });
    });
    await client.login(opts.token);
    await ready;
  } catch (e) {
    await stop();
    const { error } = describeError(e);
    throw new Error(`Discord start-up failed: ${String(error)}`);
  }
  const botId = client.user!.id;
  log({ level: 'info', msg: 'discord ready', user: client.user!.tag, guilds: client.guilds.cache.size });

  const gone = (e: unknown, channelId: string): Error => {
    if (e instanceof DiscordAPIError && (e.status === 404 || e.status === 403 || GONE_CODES.has(Number(e.code))))
      return new ChannelGoneError('discord', channelId, `${e.status} ${e.message}`);
    return e instanceof Error ? e : new Error(String(e));
  };

  return {
    platform: 'discord',

    async post(channelId: string, reply: Reply): Promise<void> {
      // A channel post has no asker: anyone reading the channel may page it.
      const msg = renderDiscord(reply, { buttonId: buttonIds({ buttons, now }, null) });
      try {
        await client.rest.post(Routes.channelMessages(channelId), {
          body: { embeds: msg.embeds, components: msg.components, allowed_mentions: { parse: [] } },
        });
      } catch (e) {
        throw gone(e, channelId);
      }
    },

    async wasPosted(channelId: string, marker: string, since: Date): Promise<boolean> {
      // Messages after a snowflake made from `since`: Discord returns the oldest 100 after it, newest first.
      let after = SnowflakeUtil.generate({ timestamp: since.getTime() }).toString();
      for (let page = 0; page < HISTORY_PAGES; page++) {
        let batch: APIMessage[];
        try {
          batch = (await client.rest.get(Routes.channelMessages(channelId), {
            query: new URLSearchParams({ limit: '100', after }),
          })) as APIMessage[];
        } catch (e) {
          throw gone(e, channelId);
        }
        const hit = batch.some(
          (m) =>
            m.author.id === botId &&
            Date.parse(m.timestamp) >= since.getTime() &&
            [m.content, ...m.embeds.flatMap((e) => [e.title, e.footer?.text, e.description])].some((t) =>
              t?.includes(marker),
            ),
        );
        if (hit) return true;
        if (batch.length < 100) return false;
        after = batch.reduce((max, m) => (BigInt(m.id) > BigInt(max) ? m.id : max), after);
      }
      return false;
    },

    stop,
  };
}
