import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditModule } from '../audit/index.js';
import { CentresModule } from '../centres/index.js';
import { AppConfig } from '../config/app-config.js';
import { DisplayStreams } from './display-streams.js';
import { LocalQueueFeed, PostgresQueueFeed, QueueFeed } from './queue-feed.js';
import { QueueTickets } from './queue-tickets.js';
import { DisplayController, QueueController } from './queue.controller.js';
import { QueueService } from './queue.service.js';

@Module({
  imports: [CentresModule, AuditModule],
  controllers: [QueueController, DisplayController],
  providers: [
    QueueService,
    QueueTickets,
    DisplayStreams,
    {
      provide: QueueFeed,
      inject: [AppConfig, getDataSourceToken()],
      useFactory: (config: AppConfig, dataSource: DataSource) =>
        config.embedded ? new LocalQueueFeed() : new PostgresQueueFeed(config, dataSource),
    },
  ],
  exports: [QueueTickets, QueueService],
})
export class QueueModule {}
