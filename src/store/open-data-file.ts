// Opens DATA_FILE: reads the snapshot, replays the journals after it in order (see journal.ts for
// the file layout and guarantees), and returns the state with a Journal appending to a new one.
import { open, readFile, unlink } from 'node:fs/promises';
import { StartupError } from '../errors/startup-error.js';
import { applyChange, checkSnapshot, emptyData, type Change, type Data } from './data.js';
import { FOLD_TEMP_SUFFIX, writeSnapshot } from './fold.js';
import { FOLD_AT_BYTES, Journal, journalPath, listJournals, type JournalOptions } from './journal.js';

/** Reads the snapshot and replays the journals; the returned Journal appends from a new generation. */
export async function openDataFile(dataFile: string, options: JournalOptions = {}): Promise<{ data: Data; journal: Journal }> {
  const text = await readFile(dataFile, 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return undefined;
    throw new StartupError(`${dataFile}: cannot read data file (${err.code ?? err.message})`);
  });
  let journals = await listJournals(dataFile);
  await unlink(dataFile + FOLD_TEMP_SUFFIX).catch(() => undefined); // a fold killed half-way
  let data: Data;
  let first = 0;
  if (text === undefined) {
    // No snapshot: a fresh start (journals left without one are from state the user removed).
    for (const j of journals) await unlink(j.path);
    journals = [];
    data = emptyData();
    await writeSnapshot(dataFile, data, 1).catch(cannotWrite(dataFile));
    first = 1;
  } else {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new StartupError(`${dataFile}: data file is not valid JSON (${(err as Error).message}); fix or remove it`);
    }
    try {
      data = checkSnapshot(parsed);
    } catch (err) {
      throw new StartupError(`${dataFile}: ${(err as Error).message}`);
    }
    first = (data as { journal?: number }).journal ?? 0;
    delete (data as { journal?: number }).journal;
  }
  let journalBytes = 0;
  for (const j of journals) {
    if (j.generation < first) {
      await unlink(j.path).catch(() => undefined); // folded into the snapshot already
      continue;
    }
    journalBytes += await replay(j.path, data);
  }
  const generation = Math.max(first, ...journals.map((j) => j.generation + 1));
  const file = await open(journalPath(dataFile, generation), 'a').catch(cannotWrite(journalPath(dataFile, generation)));
  const journal = new Journal(dataFile, generation, file, {
    snapshotBytes: Buffer.byteLength(text ?? ''),
    journalBytes,
    foldAtBytes: options.foldAtBytes ?? FOLD_AT_BYTES,
  });
  return { data, journal };
}

const cannotWrite =
  (path: string) =>
  (err: NodeJS.ErrnoException): never => {
    throw new StartupError(`${path}: cannot write (${err.code ?? err.message})`);
  };

/** Applies a journal's changes to `data`; returns its size. A torn last line (no newline) is ignored. */
async function replay(path: string, data: Data): Promise<number> {
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new StartupError(`${path}: cannot read journal (${err.code ?? err.message})`);
  });
  const lines = text.split('\n');
  lines.pop(); // '' after the last newline, or a line cut short by a kill: never acknowledged
  lines.forEach((line, i) => {
    try {
      applyChange(data, JSON.parse(line) as Change);
    } catch (err) {
      throw new StartupError(
        `${path}: line ${i + 1} is not a journal entry (${(err as Error).message.slice(0, 120)}); fix or remove the file`,
      );
    }
  });
  return Buffer.byteLength(text);
}
