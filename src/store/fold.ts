// Writes the state as a new DATA_FILE snapshot: to a temporary file, then renamed over the old one
// (a kill at any moment leaves one whole snapshot). Record by record, yielding to the event loop
// every few hundred records, so folding 100k users never holds up requests for long. The output is
// indented JSON with one record per line (readable and grep-able; fully indented records made the
// file half as large again and slower to read at start), with `journal` naming the first journal
// it does not contain.
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { TABLES, type Data, type Table } from './data.js';

export const FOLD_TEMP_SUFFIX = '.fold-tmp';
const RECORDS_PER_SLICE = 500;
const BUFFER_BYTES = 1 << 20;

/** Resolves with the snapshot's size, or undefined when `aborted()` turned true on the way (nothing replaced). */
export async function writeSnapshot(
  dataFile: string,
  data: Data,
  journal: number,
  aborted: () => boolean = () => false,
): Promise<number | undefined> {
  const temp = dataFile + FOLD_TEMP_SUFFIX;
  const file = await open(temp, 'w');
  let bytes = 0;
  let text = `{\n  "version": 1,\n  "journal": ${journal}`;
  let records = 0;
  const emit = async (chunk: string) => {
    text += chunk;
    if (text.length >= BUFFER_BYTES) {
      bytes += Buffer.byteLength(text);
      await writeAll(file, text);
      text = '';
    }
    if (++records % RECORDS_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
  };
  let done = false;
  try {
    for (const table of Object.keys(TABLES) as Table[]) {
      if (aborted()) return undefined;
      // The table object as it is now: a reset meanwhile replaces it, and the journal has the reset.
      await writeTable(table, data[table] as Record<string, unknown>, TABLES[table], emit);
    }
    text += '\n}\n';
    bytes += Buffer.byteLength(text);
    await writeAll(file, text);
    done = !aborted();
  } finally {
    await file.close();
    if (!done) await unlink(temp).catch(() => undefined);
  }
  if (!done) return undefined;
  await rename(temp, dataFile);
  return bytes;
}

async function writeTable(
  name: string,
  table: Record<string, unknown>,
  depth: number,
  emit: (chunk: string) => Promise<void>,
): Promise<void> {
  await emit(`,\n  ${JSON.stringify(name)}: {`);
  let first = true;
  // Keys taken now, values read as they are reached: a record deleted meanwhile is skipped.
  for (const key of Object.keys(table)) {
    if (!Object.hasOwn(table, key)) continue;
    const value = table[key];
    const head = `${first ? '' : ','}\n    ${JSON.stringify(key)}: `;
    first = false;
    if (depth === 1) {
      await emit(head + JSON.stringify(value));
      continue;
    }
    await emit(`${head}{`);
    let inner = true;
    const nested = value as Record<string, unknown>;
    for (const id of Object.keys(nested)) {
      if (!Object.hasOwn(nested, id)) continue;
      await emit(`${inner ? '' : ','}\n      ${JSON.stringify(id)}: ${JSON.stringify(nested[id])}`);
      inner = false;
    }
    await emit(inner ? '}' : '\n    }');
  }
  await emit(first ? '}' : '\n  }');
}

/** Writes all of `text` (a write may take only part of it). */
export async function writeAll(file: FileHandle, text: string): Promise<void> {
  let buffer = Buffer.from(text);
  while (buffer.length > 0) {
    const { bytesWritten } = await file.write(buffer);
    buffer = buffer.subarray(bytesWritten);
  }
}
