import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config.js';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

const serverKeys = {
  DATABASE_URL: 'postgres://u@localhost:5432/db',
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  AUTH_TOKEN_SECRET: 'x'.repeat(40),
};

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({ DATA_DIR: 'memory://' });
    expect(config).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      rateLimitPerMinute: 60,
      trustProxy: false,
      demoData: true,
      publicBaseUrl: 'http://localhost:3000',
    });
    expect(config.dataEncryptionKey).toHaveLength(32);
    expect(config.embedded).toBe(true);
  });

  it('names every wrong variable at once', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      DATABASE_URL: 'mysql://x',
      RATE_LIMIT_PER_MINUTE: '-1',
      TRUST_PROXY: 'maybe',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'DATABASE_URL',
      'PORT',
      'RATE_LIMIT_PER_MINUTE',
      'TRUST_PROXY',
    ]);
  });

  it('requires both secrets with a PostgreSQL server', () => {
    const problems = problemsOf({ DATABASE_URL: serverKeys.DATABASE_URL });
    expect(problems.map((p) => p.split(':')[0])).toEqual(['DATA_ENCRYPTION_KEY', 'AUTH_TOKEN_SECRET']);
    expect(loadConfig(serverKeys)).toMatchObject({
      databaseUrl: serverKeys.DATABASE_URL,
      demoData: false,
      embedded: false,
    });
  });

  it('refuses an encryption key that is not 32 bytes', () => {
    expect(problemsOf({ ...serverKeys, DATA_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toEqual([
      'DATA_ENCRYPTION_KEY: must decode to 32 bytes, got 16',
    ]);
  });

  it('runs several workers only against a PostgreSQL server', () => {
    expect(loadConfig({ DATA_DIR: 'memory://' }).workers).toBe(1);
    expect(problemsOf({ DATA_DIR: 'memory://', WORKERS: '2' })).toEqual([
      'WORKERS: more than 1 needs DATABASE_URL (the embedded engine serves one process)',
    ]);
    expect(loadConfig({ ...serverKeys, WORKERS: '4' }).workers).toBe(4);
    expect(problemsOf({ ...serverKeys, WORKERS: '0' }).map((p) => p.split(':')[0])).toEqual(['WORKERS']);
    expect(problemsOf({ ...serverKeys, WORKERS: '2', DEMO_DATA: 'true' })).toEqual([
      'WORKERS: more than 1 with DEMO_DATA=true would seed a demo centre in every worker',
    ]);
  });

  it('takes a no-show grace period of 0 to 240 minutes, 15 by default', () => {
    expect(loadConfig({ DATA_DIR: 'memory://' }).noShowGraceMinutes).toBe(15);
    expect(loadConfig({ DATA_DIR: 'memory://', NO_SHOW_GRACE_MINUTES: '0' }).noShowGraceMinutes).toBe(0);
    expect(loadConfig({ DATA_DIR: 'memory://', NO_SHOW_GRACE_MINUTES: '30' }).noShowGraceMinutes).toBe(30);
    for (const wrong of ['-1', '241', 'soon', '7.5'])
      expect(problemsOf({ DATA_DIR: 'memory://', NO_SHOW_GRACE_MINUTES: wrong })).toEqual([
        expect.stringMatching(/^NO_SHOW_GRACE_MINUTES: /),
      ]);
  });

  it('bounds database waits, mail leases and shutdown, and takes a replica only beside a server', () => {
    expect(loadConfig({ DATA_DIR: 'memory://' })).toMatchObject({
      databaseTimeoutMs: 10_000,
      outboxLeaseSeconds: 120,
      shutdownTimeoutMs: 20_000,
      databaseReplicaUrl: undefined,
    });
    expect(
      loadConfig({
        ...serverKeys,
        DATABASE_TIMEOUT_MS: '2500',
        OUTBOX_LEASE_SECONDS: '5',
        SHUTDOWN_TIMEOUT_MS: '3000',
      }),
    ).toMatchObject({ databaseTimeoutMs: 2500, outboxLeaseSeconds: 5, shutdownTimeoutMs: 3000 });
    expect(
      problemsOf({
        ...serverKeys,
        DATABASE_TIMEOUT_MS: '10',
        OUTBOX_LEASE_SECONDS: '0',
        SHUTDOWN_TIMEOUT_MS: 'x',
      })
        .map((p) => p.split(':')[0])
        .sort(),
    ).toEqual(['DATABASE_TIMEOUT_MS', 'OUTBOX_LEASE_SECONDS', 'SHUTDOWN_TIMEOUT_MS']);
    const replica = 'postgres://u@replica:5432/db';
    expect(loadConfig({ ...serverKeys, DATABASE_REPLICA_URL: replica }).databaseReplicaUrl).toBe(replica);
    expect(problemsOf({ DATA_DIR: 'memory://', DATABASE_REPLICA_URL: replica })).toEqual([
      'DATABASE_REPLICA_URL: needs DATABASE_URL (a replica of that server)',
    ]);
    expect(
      problemsOf({ ...serverKeys, DATABASE_REPLICA_URL: 'mysql://x' }).map((p) => p.split(':')[0]),
    ).toEqual(['DATABASE_REPLICA_URL']);
  });

  it('wants ADMIN_EMAIL and ADMIN_PASSWORD together', () => {
    expect(problemsOf({ DATA_DIR: 'memory://', ADMIN_EMAIL: 'a@b.dk' })).toEqual([
      'ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither',
    ]);
  });

  it('generates the embedded secrets once and keeps them in the data directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'config-'));
    try {
      const first = loadConfig({ DATA_DIR: dir });
      const second = loadConfig({ DATA_DIR: dir });
      expect(second.dataEncryptionKey.equals(first.dataEncryptionKey)).toBe(true);
      expect(second.authTokenSecret).toBe(first.authTokenSecret);
      expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toContain(first.authTokenSecret);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
