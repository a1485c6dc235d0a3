import { createServer, Server, Socket, connect } from 'node:net';

export type Drop = 'at connect' | 'after data';

/**
 * A TCP proxy in front of a real SMTP server, to make it slow (`delayMs` on each reply) or unreliable (`drop`
 * chooses, per connection number, to close at once or to close right after the server accepted the message data,
 * before the client hears so: the client must send again, and the server then has the message twice).
 */
export class SmtpProxy {
  connections = 0;
  readonly dropped: Record<Drop, number> = { 'at connect': 0, 'after data': 0 };
  private readonly sockets = new Set<Socket>();
  private server?: Server;
  port = 0;

  constructor(
    private readonly upstreamPort: number,
    private readonly options: { delayMs?: number; drop?: (connection: number) => Drop | undefined } = {},
  ) {}

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  private accept(client: Socket): void {
    const drop = this.options.drop?.(++this.connections);
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => undefined);
    if (drop === 'at connect') {
      this.dropped[drop]++;
      client.destroy();
      return;
    }
    const upstream = connect(this.upstreamPort, '127.0.0.1');
    this.sockets.add(upstream);
    upstream.on('close', () => this.sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    let sent = '';
    let dataEnded = false;
    client.on('data', (chunk: Buffer) => {
      sent = (sent + chunk.toString('latin1')).slice(-5);
      if (sent === '\r\n.\r\n') dataEnded = true;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (dataEnded && drop === 'after data') {
        this.dropped[drop]++;
        client.destroy();
        return;
      }
      setTimeout(() => client.writable && client.write(chunk), this.options.delayMs ?? 0);
    });
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
