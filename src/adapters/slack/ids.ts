/**
 * The names Slack knows the app by. manifest.yaml declares the same ones (a test keeps the two in step):
 * renaming one here without the manifest would leave a command or shortcut that Slack never delivers.
 */
export const SLASH_COMMAND = '/beatbook';
export const FIND_SHORTCUT = 'find_in_beatbook';
/** Every button Beatbook renders has an action_id with this prefix; one listener routes them all. */
export const ACTION_PREFIX = 'bb_';
/**
 * Bot scopes the code uses: the slash command and shortcut (commands), answers and digests (chat:write),
 * wasPosted reading back the channel (channels:history, groups:history), the admin check (users:read).
 */
export const BOT_SCOPES = ['commands', 'chat:write', 'channels:history', 'groups:history', 'users:read'] as const;
