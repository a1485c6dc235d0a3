import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EnvDto } from './env.dto.js';

export const IN_MEMORY = 'memory://';

/** Typed configuration, built once at boot by loadConfig and injected as this class. */
export class AppConfig {
  port: number;
  /** Set: a PostgreSQL server. Unset: the embedded engine in dataDir. */
  databaseUrl?: string;
  /** An absolute path, or `memory://` for a throw-away embedded database. */
  dataDir: string;
  smtpUrl?: string;
  mailFrom: string;
  publicBaseUrl: string;
  adminEmail?: string;
  adminPassword?: string;
  dataEncryptionKey: Buffer;
  authTokenSecret: string;
  authTokenTtlSeconds: number;
  rateLimitPerMinute: number;
  loginAttemptsPerMinute: number;
  trustProxy: boolean;
  /** Seed a demo centre and administrator into an empty database. */
  demoData: boolean;
  logLevel: string;
  /** An applicant who moved to Denmark less than this many months before the appointment is flagged. */
  recentArrivalMonths: number;
  /** A witness must have held MitID for more than this many days (sources say 30; older ones 10). */
  witnessMitidMinDays: number;
  reminderHoursBefore: number;
  /** Staff may mark a no-show only once this many minutes past the appointment's start have gone. */
  noShowGraceMinutes: number;
  /** A staff page session ends after this many minutes without a request… */
  sessionIdleMinutes: number;
  /** …and this many hours after sign-in, whatever happens. */
  sessionMaxHours: number;
  /** Personal data of appointments that ended longer ago than this is erased. */
  retentionDays: number;
  /** Run the scheduled work (mail delivery, reminders, no-shows, retention) in this process. */
  jobsEnabled: boolean;
  /** Connections to a PostgreSQL server per instance (the embedded engine always has one). */
  databasePoolSize: number;

  /** Who runs the service, as the pages' header, footer, accessibility statement and privacy notice name them. */
  organisationName: string;
  contactEmail: string;
  contactPhone?: string;
  /** Set: /tilgaengelighed sends the reader to this statement (e.g. one made in the state's WAS tool). */
  accessibilityStatementUrl?: string;

  /** Processes serving HTTP on the one port (node:cluster); more than one needs a PostgreSQL server. */
  workers: number;

  /** Where .eml files go when there is no SMTP server. */
  get mailDir(): string {
    return this.dataDir === IN_MEMORY
      ? join(tmpdir(), `borgerservice-mail-${process.pid}`)
      : join(this.dataDir, 'mail');
  }

  get embedded(): boolean {
    return !this.databaseUrl;
  }
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

interface StoredSecrets {
  dataEncryptionKey: string;
  authTokenSecret: string;
}

/** Embedded mode keeps its generated secrets beside the data, so a restart can still read what it encrypted. */
function embeddedSecrets(dataDir: string): StoredSecrets {
  const generate = (): StoredSecrets => ({
    dataEncryptionKey: randomBytes(32).toString('base64'),
    authTokenSecret: randomBytes(48).toString('base64url'),
  });
  if (dataDir === IN_MEMORY) return generate();
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as StoredSecrets;
  mkdirSync(dataDir, { recursive: true });
  const secrets = generate();
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return secrets;
}

export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const raw = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const dto = plainToInstance(EnvDto, raw, { excludeExtraneousValues: false });
  const errors = validateSync(dto, { whitelist: true });
  // One line per variable: the last constraint class-validator reports is the most basic (type before range).
  const problems = errors.map((error) => {
    const messages = Object.values(error.constraints ?? {});
    return `${error.property}: ${messages[messages.length - 1].replace(`${error.property} `, '')}`;
  });
  const config = new AppConfig();
  config.port = dto.PORT ?? 3000;
  config.databaseUrl = dto.DATABASE_URL;
  config.dataDir = dto.DATA_DIR === IN_MEMORY ? IN_MEMORY : resolve(dto.DATA_DIR ?? './.data');
  config.smtpUrl = dto.SMTP_URL;
  config.mailFrom = dto.MAIL_FROM ?? 'Borgerservice <no-reply@borgerservice.localhost>';
  config.publicBaseUrl = (dto.PUBLIC_BASE_URL ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  config.adminEmail = dto.ADMIN_EMAIL?.toLowerCase();
  config.adminPassword = dto.ADMIN_PASSWORD;
  config.authTokenTtlSeconds = dto.AUTH_TOKEN_TTL_SECONDS ?? 3600;
  config.rateLimitPerMinute = dto.RATE_LIMIT_PER_MINUTE ?? 60;
  config.loginAttemptsPerMinute = dto.LOGIN_ATTEMPTS_PER_MINUTE ?? 10;
  config.trustProxy = dto.TRUST_PROXY ?? false;
  config.logLevel = dto.LOG_LEVEL ?? 'info';
  config.demoData = dto.DEMO_DATA ?? !config.databaseUrl;
  config.recentArrivalMonths = dto.RECENT_ARRIVAL_MONTHS ?? 24;
  config.witnessMitidMinDays = dto.WITNESS_MITID_MIN_DAYS ?? 30;
  config.reminderHoursBefore = dto.REMINDER_HOURS_BEFORE ?? 24;
  config.noShowGraceMinutes = dto.NO_SHOW_GRACE_MINUTES ?? 15;
  config.sessionIdleMinutes = dto.SESSION_IDLE_MINUTES ?? 30;
  config.sessionMaxHours = dto.SESSION_MAX_HOURS ?? 10;
  config.retentionDays = dto.RETENTION_DAYS ?? 90;
  config.jobsEnabled = dto.JOBS_ENABLED ?? true;
  config.databasePoolSize = dto.DATABASE_POOL_SIZE ?? 20;
  config.workers = dto.WORKERS ?? 1;
  config.organisationName = dto.ORGANISATION_NAME ?? 'Borgerservice';
  config.contactEmail = dto.CONTACT_EMAIL ?? 'borgerservice@kommune.dk';
  config.contactPhone = dto.CONTACT_PHONE;
  config.accessibilityStatementUrl = dto.ACCESSIBILITY_STATEMENT_URL;
  if (config.workers > 1 && !config.databaseUrl) {
    problems.push('WORKERS: more than 1 needs DATABASE_URL (the embedded engine serves one process)');
  } else if (config.workers > 1 && config.demoData) {
    problems.push('WORKERS: more than 1 with DEMO_DATA=true would seed a demo centre in every worker');
  }

  if (Boolean(config.adminEmail) !== Boolean(config.adminPassword)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither');
  }
  let keyText = dto.DATA_ENCRYPTION_KEY;
  let tokenSecret = dto.AUTH_TOKEN_SECRET;
  if (errors.some((error) => error.property === 'DATABASE_URL')) {
    // the URL itself is wrong; asking for server secrets on top would only confuse
  } else if (config.databaseUrl) {
    // Every instance on one server must share these, so they cannot be generated per process.
    if (!keyText)
      problems.push('DATA_ENCRYPTION_KEY: required when DATABASE_URL is set (32 random bytes, base64)');
    if (!tokenSecret)
      problems.push('AUTH_TOKEN_SECRET: required when DATABASE_URL is set (at least 32 characters)');
  } else if (problems.length === 0 && (!keyText || !tokenSecret)) {
    const stored = embeddedSecrets(config.dataDir);
    keyText ??= stored.dataEncryptionKey;
    tokenSecret ??= stored.authTokenSecret;
  }
  if (keyText) {
    const key = Buffer.from(keyText, 'base64');
    if (key.length !== 32) problems.push(`DATA_ENCRYPTION_KEY: must decode to 32 bytes, got ${key.length}`);
    config.dataEncryptionKey = key;
  }
  config.authTokenSecret = tokenSecret ?? '';
  if (problems.length) throw new ConfigError(problems);
  return config;
}
