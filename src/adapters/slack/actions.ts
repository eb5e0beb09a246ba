import type { App, BlockAction, ButtonAction, MessageShortcut, RespondArguments, RespondFn } from '@slack/bolt';
import type { Context } from '../../core/command.js';
import {
  type DispatchOptions,
  type Registry,
  dispatchCommand,
  dispatchLine,
  newRequestId,
} from '../../core/dispatch.js';
import { errorReply } from '../../core/errors.js';
import type { Guard } from '../../core/guards.js';
import type { Logger } from '../../core/platform.js';
import type { Reply } from '../../core/reply.js';
import type { Store } from '../../store/queries.js';
import { decodeButton } from './button-value.js';
import { ACTION_PREFIX, FIND_SHORTCUT, SLASH_COMMAND } from './ids.js';
import { mrkdwn, slackToPlain } from './mrkdwn.js';
import { renderBlocks } from './render.js';

export interface HandlerDeps {
  registry: Registry;
  store: Store;
  log: Logger;
  guards?: Guard[];
  now: () => Date;
  /** `requestId` goes into any log line the check writes (a failed users.info). */
  isAdmin: (userId: string, requestId?: string) => Promise<boolean>;
}

/** The id of the request a respond() failure belongs to, for Bolt's error handler to log with it. */
export function requestIdOf(error: unknown): string | undefined {
  const e = error as { requestId?: unknown; original?: { requestId?: unknown } } | null;
  const id = e?.requestId ?? e?.original?.requestId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Answers go to the channel; errors and help only to the asker. "Not in the store" is an answer, not an
 * error: the channel learns the corpus does not say it.
 */
export function responseType(reply: Reply): 'in_channel' | 'ephemeral' {
  if (reply.error) return reply.error.code === 'not_found' ? 'in_channel' : 'ephemeral';
  return reply.ephemeral ? 'ephemeral' : 'in_channel';
}

/** The command, the paging/choice buttons and the "Find in Beatbook" shortcut, each acknowledged at once. */
export function registerHandlers(app: App, deps: HandlerDeps): void {
  // dispatch logs each command (debug) and any crash (error) under the request's id.
  const dispatchOpts = (requestId: string): DispatchOptions => ({
    ...(deps.guards ? { guards: deps.guards } : {}),
    log: deps.log,
    requestId,
  });
  const context = async (requestId: string, userId: string, name: string | undefined, channelId: string | undefined) =>
    ({
      store: deps.store,
      user: { id: userId, ...(name ? { name } : {}), admin: await deps.isAdmin(userId, requestId) },
      platform: 'slack',
      ...(channelId ? { channelId } : {}),
      now: deps.now(),
    }) satisfies Context;

  /**
   * Builds the answer under a fresh request id; whatever goes wrong in our own code becomes an apology whose
   * reference is that id.
   */
  const answer = async (respond: RespondFn, build: (requestId: string) => Promise<RespondArguments>) => {
    const requestId = newRequestId();
    let message: RespondArguments;
    try {
      message = await build(requestId);
    } catch (e) {
      deps.log({
        level: 'error',
        msg: 'slack handler failed',
        requestId,
        reference: requestId,
        error: e instanceof Error ? e.message : String(e),
      });
      const apology = errorReply(
        'internal',
        `Sorry — Beatbook hit a problem answering that. Reference ${requestId}.`,
        requestId,
      );
      message = { response_type: 'ephemeral', ...renderBlocks(apology) };
    }
    // A failing respond() (expired response_url, Slack down) propagates to Bolt's global error handler,
    // which logs it with this request's id; the app keeps serving.
    try {
      await respond(message);
    } catch (e) {
      if (e && typeof e === 'object' && Object.isExtensible(e)) Object.assign(e, { requestId });
      throw e;
    }
  };

  app.command(SLASH_COMMAND, async ({ ack, command, respond }) => {
    await ack();
    await answer(respond, async (requestId) => {
      const ctx = await context(requestId, command.user_id, command.user_name, command.channel_id);
      // Slack sends the typed text with &, <, > escaped and mentions as <@U…|name> markup: the parser gets
      // the words as typed. "/beatbook" alone shows the generated help, as "/beatbook help" does.
      const line = slackToPlain(command.text).trim() || 'help';
      const reply = dispatchLine(deps.registry, ctx, line, dispatchOpts(requestId));
      return { response_type: responseType(reply), ...renderBlocks(reply, { owner: command.user_id }) };
    });
  });

  app.action<BlockAction<ButtonAction>>(new RegExp(`^${ACTION_PREFIX}`), async ({ ack, body, action, respond }) => {
    await ack();
    await answer(respond, async (requestId) => {
      const clicker = body.user.id;
      const value = decodeButton(action.value);
      if (!value) {
        const reply = errorReply('bad_input', 'That button no longer works. Run the command again.');
        return { response_type: 'ephemeral', replace_original: false, ...renderBlocks(reply) };
      }
      if (value.owner && value.owner !== clicker) {
        return {
          response_type: 'ephemeral',
          replace_original: false,
          text: `These buttons turn the pages for the person who asked. To see this yourself, run \`${SLASH_COMMAND} ${mrkdwn(value.command)}\`.`,
        };
      }
      const ctx = await context(requestId, clicker, body.user.username ?? body.user.name, body.channel?.id);
      const reply = dispatchLine(deps.registry, ctx, value.command, dispatchOpts(requestId));
      const rendered = renderBlocks(reply, { owner: value.owner ?? clicker });
      // The asker's own click replaces the message with the new page or choice. A click on a message nobody
      // asked for (the digest) answers privately: replacing it would change the channel's copy for everyone.
      if (!value.owner || responseType(reply) === 'ephemeral')
        return { response_type: 'ephemeral', replace_original: false, ...rendered };
      return { replace_original: true, ...rendered };
    });
  });

  app.shortcut<MessageShortcut>(FIND_SHORTCUT, async ({ ack, shortcut, respond }) => {
    await ack();
    await answer(respond, async (requestId) => {
      const ctx = await context(
        requestId,
        shortcut.user.id,
        shortcut.user.username ?? shortcut.user.name,
        shortcut.channel?.id,
      );
      const text = slackToPlain(shortcut.message.text ?? '').trim();
      const reply = text
        ? dispatchCommand(
            deps.registry,
            ctx,
            'find',
            { text: text.slice(0, findLimit(deps.registry)) },
            dispatchOpts(requestId),
          )
        : errorReply('bad_input', 'That message has no text for Beatbook to look up.');
      // Private to the person who used the shortcut: looking up a colleague's message is research, not
      // something to announce in the channel under their message.
      return { response_type: 'ephemeral', ...renderBlocks(reply, { owner: shortcut.user.id }) };
    });
  });
}

/** A long message is looked up by its opening, as much as `find` accepts. */
function findLimit(registry: Registry): number {
  const opt = registry.get('find')?.options.find((o) => o.name === 'text');
  return opt?.type === 'string' && opt.maxLength ? opt.maxLength : 2000;
}
