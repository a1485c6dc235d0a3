import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BACKUP_REQUEST,
  backupAnswerFile,
  BackupError,
  BackupRequest,
  restoreBackup,
  writeBackup,
} from '../src/database/backup.js';
import { DataDirLock, DataDirLockedError } from '../src/database/data-dir-lock.js';
import { EmbeddedDatabase } from '../src/database/embedded.js';

const USAGE = `usage: npm run backup -- FILE [--without-secrets]
       npm run restore -- FILE
DATA_DIR names the embedded data directory (default ./.data). With DATABASE_URL (a PostgreSQL server) use
pg_dump or the server's point-in-time recovery instead (see the README).`;

/** A running app is asked (SIGUSR2) to write the copy itself; a stopped one's directory is opened here. */
async function backup(dataDir: string, file: string, withSecrets: boolean): Promise<boolean> {
  const holder = DataDirLock.holder(dataDir);
  if (holder === undefined) {
    if (!existsSync(join(dataDir, 'pgdata')))
      throw new BackupError(`There is no embedded database in ${dataDir}`);
    const database = await EmbeddedDatabase.open(dataDir);
    try {
      return (await writeBackup(database, dataDir, file, withSecrets)).secretsIncluded;
    } finally {
      await database.close();
    }
  }
  const request: BackupRequest = { id: randomBytes(8).toString('hex'), file, withSecrets };
  const answerFile = join(dataDir, backupAnswerFile(request.id));
  writeFileSync(join(dataDir, BACKUP_REQUEST), JSON.stringify(request), { mode: 0o600 });
  process.kill(holder, 'SIGUSR2');
  try {
    for (let waited = 0; waited < 300_000; waited += 200) {
      if (existsSync(answerFile)) {
        const answer = JSON.parse(readFileSync(answerFile, 'utf8')) as {
          error?: string;
          secretsIncluded?: boolean;
        };
        if (answer.error)
          throw new BackupError(`The running app (pid ${holder}) could not write it: ${answer.error}`);
        return answer.secretsIncluded === true;
      }
      await sleep(200);
    }
    throw new BackupError(`The running app (pid ${holder}) did not answer within 5 minutes`);
  } finally {
    rmSync(answerFile, { force: true });
    rmSync(join(dataDir, BACKUP_REQUEST), { force: true });
  }
}

async function main(): Promise<void> {
  const [command, fileArgument, ...flags] = process.argv.slice(2);
  const unknown = flags.filter((flag) => flag !== '--without-secrets' || command !== 'backup');
  if (!['backup', 'restore'].includes(command) || !fileArgument || unknown.length)
    throw new BackupError(USAGE);
  if (process.env.DATABASE_URL)
    throw new BackupError(
      'DATABASE_URL is set: back up a PostgreSQL server with pg_dump or its point-in-time recovery',
    );
  const dataDir = resolve(process.env.DATA_DIR || './.data');
  const file = resolve(fileArgument);
  if (command === 'backup') {
    const withSecrets = !flags.includes('--without-secrets');
    const included = await backup(dataDir, file, withSecrets);
    console.log(
      included
        ? `Backup of ${dataDir} written to ${file}, with its secrets file: it can decrypt the personal data, keep it as safe as the keys`
        : `Backup of ${dataDir} written to ${file} WITHOUT the secrets file${withSecrets ? ' (there is none in the data directory)' : ''}: restoring it needs the same DATA_ENCRYPTION_KEY and AUTH_TOKEN_SECRET, or the personal data cannot be read`,
    );
  } else {
    const { secretsIncluded } = await restoreBackup(file, dataDir);
    console.log(
      `Restored ${file} into ${dataDir}${secretsIncluded ? ' with its secrets file' : '; it holds no secrets file: start the app with the DATA_ENCRYPTION_KEY and AUTH_TOKEN_SECRET it was written with'}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof BackupError || error instanceof DataDirLockedError
      ? error.message
      : `Failed: ${error instanceof Error ? error.stack : String(error)}`,
  );
  process.exit(1);
});
