import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { AppConfig } from '../config/app-config.js';
import { QueueFeed } from './queue-feed.js';
import { QueueService } from './queue.service.js';

/** The live feeds of the waiting-room screens connected to this instance, as Server-Sent Events. */
@Injectable()
export class DisplayStreams implements OnModuleDestroy {
  private readonly open = new Set<() => void>();

  constructor(
    private readonly queue: QueueService,
    private readonly feed: QueueFeed,
    private readonly config: AppConfig,
  ) {}

  async stream(centreId: string, reply: FastifyReply): Promise<void> {
    await this.queue.assertCentre(centreId);
    void reply.hijack();
    const response = reply.raw;
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      // A proxy that buffers would hold the calls back until the buffer fills.
      'X-Accel-Buffering': 'no',
    });
    response.write('retry: 5000\n: connected\n\n');
    const unsubscribe = this.feed.subscribe(centreId, (call) => {
      response.write(`event: call\ndata: ${JSON.stringify(call)}\n\n`);
    });
    // Comments keep idle connections from being cut by proxies and let the screen notice a dead line.
    const heartbeat = setInterval(
      () => response.write(': heartbeat\n\n'),
      this.config.displayHeartbeatSeconds * 1000,
    );
    heartbeat.unref();
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
      this.open.delete(close);
      if (!response.writableEnded) response.end();
    };
    this.open.add(close);
    response.on('close', close);
  }

  // Open streams would otherwise keep the HTTP server from closing.
  onModuleDestroy(): void {
    for (const close of [...this.open]) close();
  }
}
