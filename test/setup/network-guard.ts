// Every test file runs behind this guard: a connection to anything but loopback is refused and fails the file.
import net from 'node:net';
import { afterAll } from 'vitest';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);
const attempts: string[] = [];
const original = net.Socket.prototype.connect;

net.Socket.prototype.connect = function guarded(this: net.Socket, ...args: unknown[]) {
  const first = args[0] as { host?: string; port?: number; path?: string } | number | string;
  let host: string | undefined;
  if (typeof first === 'object' && first !== null && !Array.isArray(first))
    host = first.path ? 'ipc' : (first.host ?? 'localhost');
  else if (typeof first === 'number') host = typeof args[1] === 'string' ? (args[1] as string) : 'localhost';
  else if (typeof first === 'string') host = 'ipc';
  if (host !== 'ipc' && host !== undefined && !LOOPBACK.has(host)) {
    attempts.push(host);
    throw new Error(`network guard: connection to ${host} refused (tests stay on 127.0.0.1)`);
  }
  return (original as (...a: unknown[]) => net.Socket).apply(this, args);
} as typeof net.Socket.prototype.connect;

afterAll(() => {
  if (attempts.length > 0)
    throw new Error(`network guard: ${attempts.length} connection(s) off loopback: ${attempts.join(', ')}`);
});
