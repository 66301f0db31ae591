import fs from 'node:fs';
import path from 'node:path';

export interface DataDirLock {
  release: () => void;
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Datamappen ${dataDir} brukes allerede av en annen Samla-prosess (pid ${pid}). ` +
        'Stopp den prosessen, eller start denne med en annen SAMLA_DATA_DIR. ' +
        'Skal flere prosesser dele data, bruk PostgreSQL via DATABASE_URL.',
    );
    this.name = 'DataDirLockedError';
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite puts no lock on its data dir, and two processes writing one data dir
 * corrupt it. A lock file with our pid keeps a second Samla out; a lock left by
 * a process that died is taken over.
 */
const lockedInThisProcess = new Set<string>();

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(path.resolve(dataDir), 'samla.lock');
  if (lockedInThisProcess.has(lockPath)) throw new DataDirLockedError(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      lockedInThisProcess.add(lockPath);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        lockedInThisProcess.delete(lockPath);
        try {
          if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8').trim(), 10);
      // A lock with our own pid that this process did not take was left by an
      // earlier process that had the same pid (containers reuse pids): stale.
      if (Number.isInteger(holder) && holder !== process.pid && isProcessAlive(holder)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Kunne ikke låse datamappen ${dataDir}.`);
}
