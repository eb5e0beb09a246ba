import { expect, vi } from 'vitest';

/** Waits until no TCP socket or server of this process is left open (they close asynchronously). */
export async function expectNoOpenSockets(): Promise<void> {
  await vi.waitFor(() => expect(process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP'))).toEqual([]), {
    timeout: 3000,
  });
}
