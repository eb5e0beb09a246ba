import { expect, vi } from 'vitest';
import type { Args, CommandSpec, Context } from '../../../src/core/command.js';
import type { Registry } from '../../../src/core/dispatch.js';
import type { Logger } from '../../../src/core/platform.js';
import { registry } from '../../../commands/index.js';
import { explodingCommand } from '../../helpers/exploding.js';

/** Every log line the adapter wrote, for asserting on what was logged (and that no token was). */
export function recordingLog(): { log: Logger; entries: Parameters<Logger>[0][] } {
  const entries: Parameters<Logger>[0][] = [];
  return { log: (e) => entries.push(e), entries };
}

/**
 * The real registry plus two test commands: `explode`, whose handler throws as a bug would, and
 * `deskonly`, an admin-only command, to see the Slack admin check reach the dispatcher.
 */
export function testRegistry(): Registry {
  const explode = explodingCommand('database is locked');
  const deskonly: CommandSpec = {
    name: 'deskonly',
    description: 'Admin-only test command.',
    examples: ['deskonly'],
    options: [],
    permission: 'admin',
    handler: (ctx: Context, _args: Args) => ({ ok: true, title: `Hello, desk chief ${ctx.user.id}`, citations: [] }),
  };
  const extra = [explode, deskonly];
  return {
    get: (name) => extra.find((c) => c.name === name.toLowerCase()) ?? registry.get(name),
    list: () => [...registry.list(), ...extra],
  };
}

/** TCP sockets and servers still open in this process. */
export function openTcpHandles(): string[] {
  return process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP'));
}

/** Fails unless every TCP handle has closed (fetch's idle keep-alive sockets close a moment later). */
export async function expectNoOpenTcp(): Promise<void> {
  await vi.waitFor(() => expect(openTcpHandles()).toEqual([]), { timeout: 5000, interval: 50 });
}

/** Every string anywhere inside a JSON value. */
export function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(strings);
  return [];
}

interface BlockLike {
  type: string;
  text?: { type: string; text: string };
  fields?: { text: string }[];
  elements?: { type: string; text: string | { text: string }; action_id?: string; value?: string }[];
}

export function blocksOf(body: Record<string, unknown>): BlockLike[] {
  return (body.blocks ?? []) as BlockLike[];
}

/** The citation lines of a message: the text of every context element that starts with "[n]". */
export function citationLines(body: Record<string, unknown>): string[] {
  return blocksOf(body)
    .filter((b) => b.type === 'context')
    .flatMap((b) => (b.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : e.text.text)))
    .filter((t) => /^\[\d+\]/.test(t));
}

export function buttons(body: Record<string, unknown>): { action_id: string; value: string; text: string }[] {
  return blocksOf(body)
    .filter((b) => b.type === 'actions')
    .flatMap((b) =>
      (b.elements ?? []).map((e) => ({
        action_id: e.action_id!,
        value: e.value!,
        text: typeof e.text === 'string' ? e.text : e.text.text,
      })),
    );
}
