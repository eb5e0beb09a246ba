import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/platform.js';
import { errorText } from './log.js';

const TTL_MS = 10 * 60 * 1000;
/** A failed lookup is retried sooner, but not on every command (it may be a missing scope). */
const FAILURE_TTL_MS = 60 * 1000;

/**
 * Whether a Slack user may run admin-only commands: listed in BEATBOOK_ADMINS, or a workspace admin or owner
 * as users.info reports. Cached per user for ten minutes; when Slack cannot say, the answer is no.
 */
export function adminCheck(
  client: webApi.WebClient,
  admins: readonly string[],
  now: () => Date,
  log: Logger,
): (userId: string, requestId?: string) => Promise<boolean> {
  const cache = new Map<string, { admin: boolean; until: number }>();
  return async (userId, requestId) => {
    if (admins.includes(userId)) return true;
    const t = now().getTime();
    const hit = cache.get(userId);
    if (hit && hit.until > t) return hit.admin;
    let admin = false;
    let ttl = TTL_MS;
    try {
      const res = await client.users.info({ user: userId });
      admin = Boolean(res.user?.is_admin || res.user?.is_owner);
    } catch (e) {
      ttl = FAILURE_TTL_MS;
      log({
        level: 'warn',
        msg: 'slack users.info failed; treating the user as not an admin',
        ...(requestId ? { requestId } : {}),
        user: userId,
        error: errorText(e),
      });
    }
    cache.set(userId, { admin, until: t + ttl });
    return admin;
  };
}
