import { loadConfig } from '../../../src/config.js';
import type { RunningAdapter } from '../../../src/core/platform.js';
import { type StartSlackOptions, startSlack } from '../../../src/adapters/slack/start.js';
import { FakeSlackApi, type FakeSlackApiOptions } from './fakes/web-api.js';
import { ResponseUrlServer } from './fakes/response-url.js';
import { slackSignature } from './fakes/signing.js';
import { slashCommand } from './payloads.js';

/**
 * The real Bolt app in signed HTTP mode on 127.0.0.1, with a fake Web API and a response_url server: the set-up
 * every Slack test over HTTP shares. Options not given take the values those tests use.
 */
export interface SlackHttpApp {
  slack: RunningAdapter & { port?: number };
  api: FakeSlackApi;
  responses: ResponseUrlServer;
  secret: string;
  /** POSTs a form to Bolt's endpoint, signed with `secret` (the app's own unless told otherwise). */
  post(
    form: Record<string, string>,
    sign?: { secret?: string; timestamp?: number },
  ): Promise<{ status: number; body: string }>;
  /** Sends `/beatbook <text>` and resolves with its HTTP acknowledgement and what respond() posted. */
  command(
    text: string,
    opts?: { user?: string; channel?: string; label?: string; timeoutMs?: number },
  ): Promise<{ ack: { status: number; body: string }; body: Record<string, unknown> }>;
  stop(): Promise<void>;
}

export async function startSlackHttp(
  opts: Pick<StartSlackOptions, 'store' | 'registry' | 'log'> &
    Partial<Omit<StartSlackOptions, 'store' | 'registry' | 'log'>> & {
      api?: FakeSlackApiOptions;
      /** Set up the fake Web API before the app starts (e.g. failing users.info for one user). */
      prepare?: (api: FakeSlackApi) => void;
    },
): Promise<SlackHttpApp> {
  const { api: apiOptions, prepare, ...rest } = opts;
  const botToken = rest.botToken ?? 'xoxb-1111-2222-beatbooktest';
  const secret = rest.signingSecret ?? 'signing-secret-for-tests-only';
  const api = new FakeSlackApi({ botToken, ...apiOptions });
  const responses = new ResponseUrlServer();
  await api.start();
  await responses.start();
  prepare?.(api);
  const slack = await startSlack({
    port: 0,
    host: '127.0.0.1',
    config: loadConfig({}),
    ...rest,
    // Always the fake Web API; retries and timeout as the caller tunes them.
    clientOptions: { retryConfig: { retries: 0 }, timeout: 2000, ...rest.clientOptions, slackApiUrl: api.url },
    botToken,
    signingSecret: secret,
  });
  const post: SlackHttpApp['post'] = async (form, sign = {}) => {
    const body = new URLSearchParams(form).toString();
    const res = await fetch(`http://127.0.0.1:${slack.port}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...slackSignature(sign.secret ?? secret, body, sign.timestamp),
      },
      body,
    });
    return { status: res.status, body: await res.text() };
  };
  return {
    slack,
    api,
    responses,
    secret,
    post,
    async command(text, o = {}) {
      const url = responses.url(o.label ?? 'cmd');
      const form = slashCommand(text, url, o.user ?? 'U0REPORTER');
      const ack = await post(o.channel ? { ...form, channel_id: o.channel } : form);
      return { ack, body: await responses.first(url, o.timeoutMs) };
    },
    async stop() {
      await slack.stop();
      await api.close();
      await responses.close();
    },
  };
}
