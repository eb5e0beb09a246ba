import type { webApi } from '@slack/bolt';
import { ChannelGoneError } from '../../core/platform.js';
import type { Reply } from '../../core/reply.js';
import { mrkdwn } from './mrkdwn.js';
import { renderBlocks } from './render.js';

/**
 * Slack errors that mean the bot cannot post to the channel now or later: the digest disables the
 * subscription instead of retrying. Any other error is retried by the caller.
 */
const GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'missing_scope',
  'account_inactive',
  'invalid_auth',
]);

function platformError(e: unknown): string | undefined {
  const err = e as { code?: unknown; data?: { error?: unknown } } | null;
  return err?.code === 'slack_webapi_platform_error' && typeof err.data?.error === 'string'
    ? err.data.error
    : undefined;
}

function rethrow(e: unknown, channelId: string): never {
  const code = platformError(e);
  if (code && GONE.has(code)) throw new ChannelGoneError('slack', channelId, code);
  throw e;
}

/** Posts an unsolicited reply (the digest): nobody asked, so its buttons answer whoever clicks, privately. */
export async function postReply(client: webApi.WebClient, channelId: string, reply: Reply): Promise<void> {
  const { text, blocks } = renderBlocks(reply);
  try {
    await client.chat.postMessage({ channel: channelId, text, blocks, unfurl_links: false, unfurl_media: false });
  } catch (e) {
    rethrow(e, channelId);
  }
}

const MAX_HISTORY_PAGES = 10;

/**
 * Whether the bot posted a message containing `marker` in the channel since `since`. Looks at the message's
 * text and its blocks, raw and as mrkdwn-escaped (the renderer escapes what it sends).
 */
export async function findPosted(
  client: webApi.WebClient,
  bot: { botId?: string; botUserId?: string },
  channelId: string,
  marker: string,
  since: Date,
): Promise<boolean> {
  const needles = [...new Set([marker, mrkdwn(marker)])];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_HISTORY_PAGES; page++) {
    let res: webApi.ConversationsHistoryResponse;
    try {
      res = await client.conversations.history({
        channel: channelId,
        oldest: (since.getTime() / 1000).toFixed(6),
        inclusive: true,
        limit: 200,
        ...(cursor ? { cursor } : {}),
      });
    } catch (e) {
      rethrow(e, channelId);
    }
    for (const m of res.messages ?? []) {
      const byBot = (bot.botId && m.bot_id === bot.botId) || (bot.botUserId && m.user === bot.botUserId);
      if (!byBot) continue;
      const haystack = `${m.text ?? ''}\n${JSON.stringify(m.blocks ?? [])}`;
      if (needles.some((n) => haystack.includes(n))) return true;
    }
    cursor = res.response_metadata?.next_cursor || undefined;
    if (!cursor || !res.has_more) break;
  }
  return false;
}
