// Request bodies shaped as Slack sends them (field names from Slack's slash command, block_actions and
// message_action payloads), so the real Bolt app parses them exactly as in production.

export const TEAM = { id: 'T0NEWSROOM', domain: 'newsroom' };
export const CHANNEL = { id: 'C0SECURITY', name: 'security-desk' };

export function slashCommand(text: string, responseUrl: string, user = 'U0REPORTER'): Record<string, string> {
  return {
    token: 'verification-token-unused',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: CHANNEL.id,
    channel_name: CHANNEL.name,
    user_id: user,
    user_name: user.toLowerCase(),
    command: '/beatbook',
    text,
    api_app_id: 'A0BEATBOOK',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '1111.2222.abcd',
  };
}

/** A click on a button of an earlier message (action_id and value copied from the rendered button). */
export function buttonClick(
  button: { action_id: string; value: string },
  responseUrl: string,
  user = 'U0REPORTER',
): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM.id },
    api_app_id: 'A0BEATBOOK',
    token: 'verification-token-unused',
    container: { type: 'message', message_ts: '1700000000.000100', channel_id: CHANNEL.id, is_ephemeral: false },
    trigger_id: '1111.2222.efgh',
    team: TEAM,
    enterprise: null,
    is_enterprise_install: false,
    channel: CHANNEL,
    message: { type: 'message', ts: '1700000000.000100', text: 'earlier answer' },
    response_url: responseUrl,
    actions: [
      {
        action_id: button.action_id,
        block_id: 'b1',
        text: { type: 'plain_text', text: 'Next ›' },
        value: button.value,
        type: 'button',
        action_ts: '1700000001.000200',
      },
    ],
  };
}

/** "Find in Beatbook" used on a message in the channel. */
export function messageShortcut(
  messageText: string,
  responseUrl: string,
  user = 'U0REPORTER',
): Record<string, unknown> {
  return {
    type: 'message_action',
    token: 'verification-token-unused',
    action_ts: '1700000002.000300',
    team: TEAM,
    user: { id: user, name: user.toLowerCase(), username: user.toLowerCase(), team_id: TEAM.id },
    channel: CHANNEL,
    is_enterprise_install: false,
    enterprise: null,
    callback_id: 'find_in_beatbook',
    trigger_id: '1111.2222.ijkl',
    response_url: responseUrl,
    message_ts: '1700000000.000900',
    message: { type: 'message', user: 'U0EDITOR', ts: '1700000000.000900', text: messageText },
  };
}
