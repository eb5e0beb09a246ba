import type { ErrorCode, Reply } from './reply.js';

/** An error the user caused; its message is written for a reporter and shown as is. */
export class UserError extends Error {
  constructor(
    public code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function errorReply(code: ErrorCode, message: string, reference?: string): Reply {
  return {
    ok: false,
    title: code === 'internal' ? 'Something went wrong' : code === 'not_found' ? 'Not in the store' : 'Cannot run that',
    body: message,
    citations: [],
    ephemeral: true,
    error: { code, message, ...(reference ? { reference } : {}) },
  };
}

/** "Not in the store": an honest answer, not a failure of the bot. */
export function notFound(body: string): Reply {
  return {
    ok: false,
    title: 'Not in the store',
    body,
    citations: [],
    error: { code: 'not_found', message: body },
    ephemeral: true,
  };
}
