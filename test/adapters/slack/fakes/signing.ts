import { createHmac } from 'node:crypto';

/**
 * The headers Slack signs a request with: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}` under the
 * signing secret. `timestamp` is in seconds; pass an old one to test replay protection.
 */
export function slackSignature(
  secret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}
