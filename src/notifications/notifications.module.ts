import { Module } from '@nestjs/common';
import { MailTransport } from './mail-transport.js';
import { NotificationsService } from './notifications.service.js';
import { OutboxDeliveryService } from './outbox-delivery.service.js';
import { OutboxController } from './outbox.controller.js';
import { ReminderService } from './reminder.service.js';

@Module({
  controllers: [OutboxController],
  providers: [NotificationsService, MailTransport, OutboxDeliveryService, ReminderService],
  exports: [NotificationsService, OutboxDeliveryService, ReminderService],
})
export class NotificationsModule {}
