import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { EmbeddedDatabase } from './embedded.js';

const FORMAT = 'borgerservice-embedded-backup';

interface BackupContent {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  /** The data directory's secrets.json as it was, or null when left out on purpose or not there. */
  secrets: unknown;
  /** PGlite's dumpDataDir(): a tar of the engine's directory, base64. */
  pgdata: string;
}

export interface BackupRequest {
  id: string;
  file: string;
  withSecrets: boolean;
}

export const BACKUP_REQUEST = 'backup-request.json';
export const backupAnswerFile = (id: string) => `backup-${id}.done.json`;

export class BackupError extends Error {}

/**
 * One consistent copy: PGlite reads the dump under its own lock, so no statement runs meanwhile (a transaction still
 * open is rolled back on restore, as after a crash); a checkpoint first leaves a restore little log to replay.
 */
export async function writeBackup(
  database: EmbeddedDatabase,
  dataDir: string,
  file: string,
  withSecrets: boolean,
): Promise<{ secretsIncluded: boolean }> {
  await database.pglite.exec('CHECKPOINT');
  const dump = Buffer.from(await (await database.pglite.dumpDataDir('none')).arrayBuffer());
  const secretsFile = join(dataDir, 'secrets.json');
  const secrets =
    withSecrets && existsSync(secretsFile)
      ? (JSON.parse(readFileSync(secretsFile, 'utf8')) as unknown)
      : null;
  const content: BackupContent = {
    format: FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    secrets,
    pgdata: dump.toString('base64'),
  };
  const partial = `${file}.partial`;
  await writeFile(partial, gzipSync(JSON.stringify(content)), { mode: 0o600 });
  await rename(partial, file);
  return { secretsIncluded: secrets !== null };
}

/** Into an empty (or new) data directory only: a restore never mixes with data that is there. */
export async function restoreBackup(file: string, dataDir: string): Promise<{ secretsIncluded: boolean }> {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new BackupError(
      `The data directory ${dataDir} is not empty; restore only into an empty or new directory`,
    );
  let content: BackupContent;
  try {
    content = JSON.parse(gunzipSync(await readFile(file)).toString('utf8')) as BackupContent;
  } catch {
    throw new BackupError(`${file} is not a backup written by npm run backup`);
  }
  if (content.format !== FORMAT || content.version !== 1)
    throw new BackupError(`${file} is not a backup written by npm run backup`);
  await mkdir(dataDir, { recursive: true });
  try {
    const database = await EmbeddedDatabase.open(dataDir, new Blob([Buffer.from(content.pgdata, 'base64')]));
    await database.close();
    if (content.secrets !== null)
      await writeFile(join(dataDir, 'secrets.json'), JSON.stringify(content.secrets, null, 2), {
        mode: 0o600,
      });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return { secretsIncluded: content.secrets !== null };
}

/**
 * The running embedded app holds the data directory, so `npm run backup` asks it: it writes BACKUP_REQUEST and
 * sends SIGUSR2, and the app writes the backup and its answer file.
 */
export function answerBackupRequests(database: EmbeddedDatabase, dataDir: string): void {
  process.on('SIGUSR2', () => {
    void (async () => {
      let request: BackupRequest | undefined;
      try {
        request = JSON.parse(await readFile(join(dataDir, BACKUP_REQUEST), 'utf8')) as BackupRequest;
        const result = await writeBackup(database, dataDir, request.file, request.withSecrets);
        await writeFile(join(dataDir, backupAnswerFile(request.id)), JSON.stringify(result), { mode: 0o600 });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (request)
          await writeFile(join(dataDir, backupAnswerFile(request.id)), JSON.stringify({ error: message }));
      }
    })();
  });
}
