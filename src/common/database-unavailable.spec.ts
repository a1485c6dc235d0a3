import { createServer, Socket } from 'node:net';
import pg from 'pg';
import { QueryFailedError } from 'typeorm';
import { DatabaseUnavailableError, unavailableReason } from './database-unavailable.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const failureOf = async (work: () => Promise<unknown>) =>
  work().then(
    () => undefined,
    (error: unknown) => error,
  );

const serverError = (code: string, message: string) =>
  Object.assign(new Error(message), { code, severity: 'FATAL' });

describe('unavailableReason', () => {
  it('recognises a refused connection as node-postgres reports it, and through a pool and TypeORM', async () => {
    const port = await freePort();
    const refused = await failureOf(() => new pg.Client({ host: '127.0.0.1', port }).connect());
    expect(unavailableReason(refused)).toBe('connection refused');
    const pool = new pg.Pool({ host: '127.0.0.1', port, connectionTimeoutMillis: 1000 });
    expect(unavailableReason(await failureOf(() => pool.query('SELECT 1')))).toBe('connection refused');
    await pool.end();
    expect(unavailableReason(new QueryFailedError('SELECT 1', [], refused as Error))).toBe(
      'connection refused',
    );
  });

  it('recognises a server that accepts the connection but never answers as a timeout', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    const pool = new pg.Pool({ host: '127.0.0.1', port, connectionTimeoutMillis: 300 });
    expect(unavailableReason(await failureOf(() => pool.query('SELECT 1')))).toBe('timed out');
    await pool.end();
    expect(unavailableReason(await failureOf(() => pool.query('SELECT 1')))).toBe(
      'server not accepting connections',
    );
    sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => silent.close(resolve));
  });

  it.each([
    ['57P01', 'server shutting down'],
    ['57P02', 'server shutting down'],
    ['57P03', 'server not accepting connections'],
    ['57014', 'timed out'],
    ['08006', 'connection lost'],
  ])('recognises SQLSTATE %s inside a QueryFailedError as %s', (code, reason) => {
    expect(unavailableReason(new QueryFailedError('SELECT 1', [], serverError(code, 'terminating')))).toBe(
      reason,
    );
  });

  it('recognises an error that says so through its cause, an AggregateError, or a message only', () => {
    expect(unavailableReason(new Error('wrapped', { cause: serverError('57P01', 'x') }))).toBe(
      'server shutting down',
    );
    const aggregate = new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })], 'x');
    expect(unavailableReason(aggregate)).toBe('connection refused');
    expect(unavailableReason(new Error('Connection terminated unexpectedly'))).toBe('connection lost');
    expect(unavailableReason(new DatabaseUnavailableError('timed out'))).toBe('timed out');
  });

  it('leaves every other error alone: the server answering a statement, a bug, a non-error', () => {
    for (const code of ['23505', '40001', '42601', '22P02']) {
      expect(
        unavailableReason(new QueryFailedError('x', [], serverError(code, 'Connection terminated'))),
      ).toBe(undefined);
    }
    expect(unavailableReason(new TypeError('cannot read properties of undefined'))).toBe(undefined);
    expect(unavailableReason('ECONNREFUSED')).toBe(undefined);
    expect(unavailableReason(null)).toBe(undefined);
  });
});
