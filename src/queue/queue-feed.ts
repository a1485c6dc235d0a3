import { EventEmitter } from 'node:events';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import type { DisplayCallEvent } from './queue.view.js';

export const CHANNEL = 'queue_call';
const RECONNECT_MS = 1_000;

export type CallListener = (call: DisplayCallEvent) => void;

/** Calls as they happen, for the waiting-room displays connected to this instance. */
export abstract class QueueFeed {
  protected readonly listeners = new EventEmitter().setMaxListeners(0);

  /** After the call's transaction has committed. */
  abstract publish(call: DisplayCallEvent): Promise<void>;

  subscribe(centreId: string, listener: CallListener): () => void {
    this.listeners.on(centreId, listener);
    return () => this.listeners.off(centreId, listener);
  }

  protected deliver(call: DisplayCallEvent): void {
    this.listeners.emit(call.centreId, call);
  }
}

/** The embedded engine is one process, so a call made here is every call there is. */
@Injectable()
export class LocalQueueFeed extends QueueFeed {
  publish(call: DisplayCallEvent): Promise<void> {
    this.deliver(call);
    return Promise.resolve();
  }
}

/** On a server, calls travel by NOTIFY so that displays on every instance hear them. */
@Injectable()
export class PostgresQueueFeed extends QueueFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PostgresQueueFeed.name);
  private client?: pg.Client;
  private closing = false;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  async publish(call: DisplayCallEvent): Promise<void> {
    await this.dataSource.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify(call)]);
  }

  async onModuleInit(): Promise<void> {
    await this.listen();
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  // A dedicated connection: a pooled one would be handed back and its LISTEN lost with it.
  private async listen(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.config.databaseUrl,
      application_name: 'queue-feed',
    });
    client.on('notification', (message) => {
      if (message.channel === CHANNEL && message.payload) {
        this.deliver(JSON.parse(message.payload) as DisplayCallEvent);
      }
    });
    client.on('error', (error) => this.logger.warn(`queue feed connection failed: ${error.message}`));
    client.on('end', () => this.reconnect(client));
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      this.logger.warn(`queue feed cannot listen: ${(error as Error).message}`);
      await client.end().catch(() => undefined);
      this.reconnect(client);
    }
  }

  private reconnect(client: pg.Client): void {
    if (this.closing || client !== this.client || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.listen();
    }, RECONNECT_MS);
    this.retry.unref();
  }
}
