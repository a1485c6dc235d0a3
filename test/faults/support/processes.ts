import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const ADMIN = { email: 'fault-admin@test.localhost', password: 'fault-admin-password-1' };

/** `node dist/src/main.js` as a process of its own (npm run test:faults builds dist first). */
export class AppProcess {
  readonly output: string[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) =>
        this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean)),
      );
    }
  }

  static async start(name: string, env: Record<string, string>): Promise<AppProcess> {
    if (!existsSync('dist/src/main.js')) throw new Error('dist/src/main.js is missing: run npm run build');
    const port = await freePort();
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        RATE_LIMIT_PER_MINUTE: '0',
        LOGIN_ATTEMPTS_PER_MINUTE: '10000',
        DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new AppProcess(name, port, child);
    const deadline = Date.now() + 60_000;
    while (!app.output.some((line) => line.includes('Listening on'))) {
      if (child.exitCode !== null || Date.now() > deadline)
        throw new Error(`${name} did not start:\n${app.output.join('\n')}`);
      await sleep(100);
    }
    return app;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid!;
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 30_000);
    await this.exited;
    clearTimeout(timer);
  }
}
