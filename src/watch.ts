// --watch: reload the fixtures when their file or directory changes. A broken edit is reported
// and the previous fixtures stay in force.
import { watch } from 'node:fs';
import type { Logger } from 'pino';
import { loadFixtures } from './fixtures/load.js';
import type { Emulator } from './emulator.js';

export function watchFixtures(path: string, emulator: Emulator, logger: Logger): () => void {
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    loadFixtures(path)
      .then((fixtures) => emulator.reload(fixtures))
      .then(() => logger.info({ fixtures: path }, 'fixtures reloaded; state reset to them'))
      .catch((err: Error) => logger.error(`fixtures not reloaded: ${err.message}`));
  };
  const watcher = watch(path, { recursive: false }, () => {
    // Editors write in several steps: wait for the burst to end.
    clearTimeout(timer);
    timer = setTimeout(reload, 150);
  });
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
