import type { Args, CommandSpec, Context } from '../src/core/command.js';
import { UserError } from '../src/core/errors.js';
import type { Reply, ReplyField } from '../src/core/reply.js';
import { echo } from '../src/core/reply.js';
import { addDays, canonicalTimeZone, localParts, longDay, parseTimeOfDay } from '../src/digest/calendar.js';
import { composeDigestWithPick } from '../src/digest/compose.js';
import { composeForChannel } from '../src/digest/deliver.js';
import { owedOn } from '../src/digest/schedule.js';
import type { DateValue } from '../src/ingest/dates.js';
import { type DigestPlatform, type DigestStore, type SubscriptionRow, digestStore } from '../src/store/digest.js';

const EXAMPLE = 'digest subscribe time:08:00 tz:America/Mexico_City';

export const digest: CommandSpec = {
  name: 'digest',
  description: 'The daily digest: anniversaries, the week ahead, what is new in the archive, a quote of the day.',
  examples: ['digest preview', 'digest preview date:2026-09-26', EXAMPLE, 'digest status', 'digest unsubscribe'],
  // preview and status are for everyone; subscribe and unsubscribe check for a channel manager themselves.
  permission: 'everyone',
  options: [
    {
      name: 'action',
      type: 'enum',
      values: ['preview', 'subscribe', 'unsubscribe', 'status'],
      positional: true,
      description: 'preview (default), subscribe, unsubscribe or status',
    },
    { name: 'date', type: 'date', description: 'preview: the day to preview, YYYY-MM-DD (default today)' },
    { name: 'time', type: 'string', maxLength: 20, description: 'subscribe: delivery time, 24-hour HH:MM' },
    { name: 'tz', type: 'string', maxLength: 80, description: 'subscribe: IANA time zone, e.g. America/Mexico_City' },
  ],
  handler(ctx: Context, args: Args) {
    const action = String(args.action ?? 'preview');
    const digests = digestStore(ctx.store.writer);
    if (action !== 'preview' && args.date !== undefined)
      throw new UserError('bad_option', `date: only goes with digest preview.`);
    if (action !== 'subscribe' && (args.time !== undefined || args.tz !== undefined))
      throw new UserError('bad_option', `time: and tz: only go with digest subscribe, as in: ${EXAMPLE}`);
    switch (action) {
      case 'subscribe':
        return subscribe(ctx, digests, args);
      case 'unsubscribe':
        return unsubscribe(ctx, digests);
      case 'status':
        return status(ctx, digests);
      default:
        return preview(ctx, digests, args);
    }
  },
};

/** The chat channel a command came from, or null in the console and the CLI. */
function channelOf(ctx: Context): { platform: DigestPlatform; channelId: string } | null {
  if ((ctx.platform === 'discord' || ctx.platform === 'slack') && ctx.channelId)
    return { platform: ctx.platform, channelId: ctx.channelId };
  return null;
}

function needChannel(ctx: Context, action: string): { platform: DigestPlatform; channelId: string } {
  const ch = channelOf(ctx);
  if (!ch)
    throw new UserError(
      'bad_input',
      `digest ${action} works in a chat channel: run it in the Discord or Slack channel that should get the digest.`,
    );
  return ch;
}

function needManager(ctx: Context, action: string): void {
  if (!ctx.user.admin)
    throw new UserError(
      'forbidden',
      `Only channel managers can ${action} the digest (Discord: Manage Channels; Slack: workspace admins or Beatbook admins). Anyone can run digest preview or digest status.`,
    );
}

function preview(ctx: Context, digests: DigestStore, args: Args): Reply {
  const ch = channelOf(ctx);
  const sub = ch ? digests.subscription(ch.platform, ch.channelId) : undefined;
  let day: string;
  if (args.date !== undefined) {
    const d = args.date as DateValue;
    if (d.precision !== 'day')
      throw new UserError('bad_date', `date: needs a whole day, like 2026-09-26; "${echo(d.value, 20)}" is not one.`);
    day = d.value;
  } else {
    day = localParts(ctx.now, sub?.tz ?? 'UTC').day;
  }
  // In a subscribed channel the preview is exactly what would be delivered; elsewhere "new in the archive"
  // covers the day before and the day itself.
  const composed = sub
    ? composeForChannel({ store: ctx.store, digests }, sub, day, ctx.now)
    : composeDigestWithPick(ctx.store, { date: day, since: `${addDays(day, -1)}T00:00:00.000Z` });
  // The preview's title must not carry the delivery marker: a preview seen in the channel must never pass for
  // the day's delivered digest when a restart checks what was posted.
  return {
    ...composed.reply,
    title: `Beatbook digest (preview) — ${longDay(day)}`,
    ephemeral: true,
  };
}

function subscribe(ctx: Context, digests: DigestStore, args: Args): Reply {
  needManager(ctx, 'subscribe a channel to');
  const ch = needChannel(ctx, 'subscribe');
  if (args.time === undefined || args.tz === undefined)
    throw new UserError('missing_argument', `digest subscribe needs time: and tz:, for example: ${EXAMPLE}`);
  const time = parseTimeOfDay(String(args.time));
  if (!time)
    throw new UserError(
      'bad_option',
      `time: needs a 24-hour time like 08:00 or 17:30; "${echo(String(args.time), 20)}" is not one.`,
    );
  const tz = canonicalTimeZone(String(args.tz));
  if (!tz)
    throw new UserError(
      'bad_option',
      `tz: needs an IANA time zone such as America/Mexico_City, America/New_York or Europe/Madrid; "${echo(String(args.tz), 40)}" is not one.`,
    );
  const sub = digests.subscribe({ ...ch, time, tz, by: ctx.user.id, now: ctx.now });
  return {
    ok: true,
    title: 'Daily digest subscribed',
    body: `This channel will get the Beatbook digest every day at ${time} (${tz}).`,
    fields: [{ name: 'Next digest', value: nextDigest(digests, sub, ctx.now) }],
    citations: [],
  };
}

function unsubscribe(ctx: Context, digests: DigestStore): Reply {
  needManager(ctx, 'unsubscribe a channel from');
  const ch = needChannel(ctx, 'unsubscribe');
  const stopped = digests.unsubscribe(ch.platform, ch.channelId, ctx.user.id, ctx.now);
  return {
    ok: true,
    title: stopped ? 'Daily digest stopped' : 'No digest here',
    body: stopped
      ? 'This channel will no longer get the daily digest. Subscribe again at any time.'
      : `This channel has no digest subscription. To start one: ${EXAMPLE}`,
    citations: [],
  };
}

function status(ctx: Context, digests: DigestStore): Reply {
  const ch = channelOf(ctx);
  if (!ch) {
    // Every channel's schedule, across platforms, is the operator's view: in the console and the CLI that is
    // whoever runs them; a chat user without a channel (it should not happen) must not see other channels.
    needManager(ctx, 'list every channel subscribed to');
    return overview(digests);
  }
  const sub = digests.subscription(ch.platform, ch.channelId);
  if (!sub)
    return {
      ok: true,
      title: 'No digest here',
      body: `This channel has no digest subscription. A channel manager can start one: ${EXAMPLE}`,
      citations: [],
    };
  return { ok: true, title: 'Daily digest', fields: describe(digests, sub, ctx.now), citations: [] };
}

/** The console's view: every subscription the store holds (the operator's question, not a channel's). */
function overview(digests: DigestStore): Reply {
  const subs = digests.allSubscriptions(25);
  return {
    ok: true,
    title: 'Digest subscriptions',
    body: subs.length
      ? `${subs.filter((s) => s.enabled).length} active of ${subs.length} shown.`
      : `No channel has subscribed yet. In a channel, a manager runs: ${EXAMPLE}`,
    fields: subs.map((s) => ({
      name: `${s.platform} ${s.channel_id}`,
      value: `${s.time_of_day} ${s.tz} — ${s.enabled ? 'active' : `stopped (${s.disabled_reason ?? 'disabled'})`}; last: ${lastText(digests, s)}`,
    })),
    citations: [],
  };
}

function describe(digests: DigestStore, sub: SubscriptionRow, now: Date): ReplyField[] {
  return [
    { name: 'Schedule', value: `Every day at ${sub.time_of_day} (${sub.tz})` },
    {
      name: 'State',
      value: sub.enabled ? 'Active' : `Stopped — ${sub.disabled_reason ?? 'disabled'}`,
    },
    { name: 'Last delivery', value: lastText(digests, sub) },
    ...(sub.enabled ? [{ name: 'Next digest', value: nextDigest(digests, sub, now) }] : []),
  ];
}

function lastText(digests: DigestStore, sub: SubscriptionRow): string {
  const last = digests.lastDelivery(sub.id);
  if (!last) return 'none yet';
  const when = longDay(last.day);
  if (last.status === 'sent') return `${when} — sent`;
  if (last.status === 'claimed') return `${when} — being posted`;
  return `${when} — not delivered (${echo(last.error ?? 'failed', 120)})`;
}

function nextDigest(digests: DigestStore, sub: SubscriptionRow, now: Date): string {
  const local = localParts(now, sub.tz);
  const owedToday = owedOn(sub, local.day) && !digests.delivery(sub.id, local.day);
  if (owedToday && local.time >= sub.time_of_day) return `Due now: today's digest goes out within a minute or two`;
  const today = owedToday && local.time < sub.time_of_day;
  const day = today ? local.day : addDays(local.day, 1);
  return `${today ? 'Today' : 'Tomorrow'}, ${longDay(day)}, at ${sub.time_of_day} (${sub.tz})`;
}
