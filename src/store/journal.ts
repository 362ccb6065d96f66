// DATA_FILE on disk: the JSON snapshot users can read (`data.json`), plus journals next to it
// (`data.json.journal.<n>`), one JSON line per change. An acknowledged change is one append to the
// current journal (changes arriving during a write go together into the next one), so a write
// costs the same at 10 users as at 100k. When the journals outgrow the snapshot, the current journal
// is closed, a new one started, and the snapshot rewritten in the background (see fold.ts).
//
// Opening (snapshot, replay) is in open-data-file.ts. Guarantees, each tested
// (test/store/journal.test.ts, test/hardening/durability.test.ts):
// - a change is acknowledged only after its line is written, so a SIGKILL at any moment loses
//   nothing acknowledged (the kernel has the bytes; they reach the disk even if the process dies);
// - every start appends to a new journal, so only a journal's last line can be torn (a write cut
//   short by a kill): it was never acknowledged and replay ignores it; any other bad line stops
//   startup, as a snapshot that is not valid JSON does, and neither file is ever rewritten then;
// - the snapshot is replaced only by rename, and names the first journal it does not contain, so a
//   fold killed half-way leaves either the old snapshot and every journal, or the new one.
import { open, readdir, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { emptyData, type Change, type Data } from './data.js';
import { writeAll, writeSnapshot } from './fold.js';

export interface JournalOptions {
  /** Fold once the journals hold at least this many bytes and more than the snapshot. */
  foldAtBytes?: number;
}

export const FOLD_AT_BYTES = 8 * 1024 * 1024;

interface Pending {
  text: string;
  resolve: () => void;
  reject: (err: Error) => void;
}

export class Journal {
  private readonly queue: Pending[] = [];
  private writing = false;
  private folding: Promise<void> | undefined;
  private closed = false;
  /** Set by the store: the live state a fold writes out. */
  source: () => Data = emptyData;

  constructor(
    private readonly dataFile: string,
    private generation: number,
    private file: FileHandle,
    private readonly sizes: { snapshotBytes: number; journalBytes: number; foldAtBytes: number },
  ) {}

  /** Appends the changes as one write; resolves once they are written (in order with every other write). */
  write(changes: readonly Change[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the data file is closed'));
    const text = changes.map((c) => `${JSON.stringify(c)}\n`).join('');
    return new Promise((resolve, reject) => {
      this.queue.push({ text, resolve, reject });
      void this.pump();
    });
  }

  /** Resolves once every write queued so far is done. */
  flush(): Promise<void> {
    return this.write([]);
  }

  /**
   * Waits for queued writes and a fold under way, then folds what the journals hold, so after a
   * graceful stop the snapshot alone is the whole state (for users reading it) and no journal is left.
   */
  async close(): Promise<void> {
    await this.flush().catch(() => undefined);
    this.closed = true;
    await this.folding;
    await this.file.close();
    const journals = await listJournals(this.dataFile);
    if (this.sizes.journalBytes === 0 && journals.every((j) => j.generation === this.generation)) {
      await unlink(journalPath(this.dataFile, this.generation)).catch(() => undefined);
      return;
    }
    const next = this.generation + 1;
    if ((await writeSnapshot(this.dataFile, this.source(), next)) === undefined) return;
    for (const j of journals) if (j.generation < next) await unlink(j.path).catch(() => undefined);
  }

  /** Resolves when the fold under way (if any) is done: for tests. */
  async folded(): Promise<void> {
    await this.folding;
  }

  private async pump(): Promise<void> {
    if (this.writing) return;
    this.writing = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      const text = batch.map((p) => p.text).join('');
      try {
        if (text.length > 0) await writeAll(this.file, text);
        this.sizes.journalBytes += Buffer.byteLength(text);
        for (const p of batch) p.resolve();
      } catch (err) {
        for (const p of batch) p.reject(err as Error);
      }
      if (this.shouldFold()) await this.startFold();
    }
    this.writing = false;
  }

  private shouldFold(): boolean {
    const { journalBytes, snapshotBytes, foldAtBytes } = this.sizes;
    return !this.folding && !this.closed && journalBytes >= foldAtBytes && journalBytes > snapshotBytes;
  }

  /**
   * Starts a new journal (between two writes, so no change is in both), then writes the state as it
   * is now to a new snapshot naming that journal as the first it does not contain. The state keeps
   * changing while it is written out, a slice at a time; every such change is also in the new
   * journal, and replaying whole-value changes over a snapshot that already has some of them ends
   * in the same state.
   */
  private async startFold(): Promise<void> {
    const next = this.generation + 1;
    const file = await open(journalPath(this.dataFile, next), 'a');
    await this.file.close();
    this.file = file;
    this.generation = next;
    const before = this.sizes.journalBytes;
    this.sizes.journalBytes = 0;
    this.folding = writeSnapshot(this.dataFile, this.source(), next, () => this.closed)
      .then(async (bytes) => {
        if (bytes === undefined) {
          this.sizes.journalBytes += before; // abandoned: those journals still count
          return;
        }
        this.sizes.snapshotBytes = bytes;
        for (const j of await listJournals(this.dataFile)) {
          if (j.generation < next) await unlink(j.path).catch(() => undefined);
        }
      })
      .catch(() => {
        this.sizes.journalBytes += before; // the old snapshot and journals stay valid; try again later
      })
      .finally(() => {
        this.folding = undefined;
      });
  }
}

export const journalPath = (dataFile: string, generation: number) => `${dataFile}.journal.${generation}`;

export async function listJournals(dataFile: string): Promise<Array<{ path: string; generation: number }>> {
  const prefix = `${basename(dataFile)}.journal.`;
  const names = await readdir(dirname(dataFile)).catch(() => [] as string[]);
  return names
    .filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))
    .map((n) => ({ path: join(dirname(dataFile), n), generation: Number(n.slice(prefix.length)) }))
    .sort((a, b) => a.generation - b.generation);
}
