import { mkdirSync, openSync, readFileSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirLockedError extends Error {}

const heldHere = new Set<string>();

/**
 * PGlite has no lock of its own, and two processes on one directory lose committed rows;
 * a lock file holding a live pid keeps a second process out.
 */
export class DataDirLock {
  private constructor(private readonly file: string) {}

  static acquire(dataDir: string): DataDirLock {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'app.lock');
    if (heldHere.has(file))
      throw new DataDirLockedError(`The data directory ${dataDir} is already open in this process`);
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx', 0o600);
        writeSync(fd, String(process.pid));
        closeSync(fd);
        heldHere.add(file);
        return new DataDirLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = Number(readFileSync(file, 'utf8').trim());
        if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
          throw new DataDirLockedError(
            `The data directory ${dataDir} is in use by process ${holder}; stop it first or set DATA_DIR to another directory`,
          );
        }
        unlinkSync(file); // left by a process that is gone
      }
    }
    throw new DataDirLockedError(`Could not lock the data directory ${dataDir}`);
  }

  /** The live process that holds the data directory, if any. */
  static holder(dataDir: string): number | undefined {
    let holder: number;
    try {
      holder = Number(readFileSync(join(dataDir, 'app.lock'), 'utf8').trim());
    } catch {
      return undefined;
    }
    return Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)
      ? holder
      : undefined;
  }

  release(): void {
    heldHere.delete(this.file);
    try {
      unlinkSync(this.file);
    } catch {
      // already gone
    }
  }
}
