// Memory of the emulator process (VmRSS from /proc/<pid>/status): idle after startup, and after
// 100k token responses (the throughput phases' responses, topped up with client_credentials).
// Nothing per token is kept (refresh tokens are self-contained JWEs), so RSS should level off.
import { runLoad, type LoadResult } from './load.js';
import { clientCredentials } from './flows.js';
import { rssMb, sleep, type Started } from './lib/processes.js';

export interface MemoryFigures {
  idleMb: number;
  afterMb: number;
  growthMb: number;
  tokenResponses: number;
  topUp?: LoadResult;
}

/** RSS once the freshly started server has settled for a second. */
export async function idleRss(server: Started): Promise<number> {
  await sleep(1000);
  return rssMb(server.child.pid ?? 0);
}

export async function rssAfterTokenResponses(
  server: Started,
  idleMb: number,
  alreadyIssued: number,
  target = 100_000,
  concurrency = 32,
): Promise<MemoryFigures> {
  let topUp: LoadResult | undefined;
  const missing = target - alreadyIssued;
  if (missing > 0) {
    topUp = await runLoad({
      name: 'client_credentials (memory top-up)',
      url: server.url,
      serverPid: server.child.pid,
      concurrency,
      durationMs: 10 * 60_000,
      maxIterations: missing,
      iteration: ({ pool }) => clientCredentials(pool),
    });
  }
  await sleep(1000);
  const afterMb = rssMb(server.child.pid ?? 0);
  const tokenResponses = alreadyIssued + (topUp?.completed ?? 0);
  return { idleMb, afterMb, growthMb: afterMb - idleMb, tokenResponses, ...(topUp ? { topUp } : {}) };
}
