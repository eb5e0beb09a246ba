import { createInterface } from 'node:readline';
import type { Context } from '../../core/command.js';
import { type Registry, dispatchLine } from '../../core/dispatch.js';
import type { Reply } from '../../core/reply.js';
import { renderText } from './render.js';

/**
 * Interactive console chat: the same commands as on Discord and Slack. Readline keeps history (arrow keys);
 * "next"/"prev" turn pages and a number picks a choice of the last reply.
 */
export function startConsole(
  registry: Registry,
  ctx: Context,
  input = process.stdin,
  output = process.stdout,
): Promise<void> {
  const rl = createInterface({ input, output, prompt: 'beatbook> ', historySize: 200 });
  let last: Reply | null = null;
  output.write('Beatbook console — every answer cited. Type "help", or "exit" to leave.\n');
  rl.prompt();
  rl.on('line', (raw) => {
    const line = raw.trim();
    if (line === 'exit' || line === 'quit') {
      rl.close();
      return;
    }
    let command = line;
    if ((line === 'next' || line === 'n') && last?.paging?.next) command = last.paging.next;
    else if ((line === 'prev' || line === 'p') && last?.paging?.prev) command = last.paging.prev;
    else if (/^\d{1,2}$/.test(line) && last?.choices?.[Number(line) - 1])
      command = last.choices[Number(line) - 1]!.command;
    if (command) {
      last = dispatchLine(registry, { ...ctx, now: new Date() }, command);
      output.write(`${renderText(last)}\n\n`);
    }
    rl.prompt();
  });
  return new Promise((resolve) => rl.on('close', () => resolve()));
}
