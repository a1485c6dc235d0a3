import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { MailTransport } from './mail-transport.js';
import { NotificationsService } from './notifications.service.js';
import { OutboxDeliveryService } from './outbox-delivery.service.js';
import { OutboxController } from './outbox.controller.js';

@Module({
  imports: [AuditModule],
  controllers: [OutboxController],
  providers: [NotificationsService, MailTransport, OutboxDeliveryService],
  exports: [NotificationsService, OutboxDeliveryService],
})
export class NotificationsModule {}
