/** What the notifications capability offers the others; everything else in this folder is its own. */
export { calendarFile } from './calendar-file.js';
export { CANCEL_REASON_CODES, DOCUMENT_NAMES } from './message-templates.js';
export type { CancelReasonCode } from './message-templates.js';
export { NotificationsModule } from './notifications.module.js';
export { NotificationsService } from './notifications.service.js';
export { receiptCodeDataUri, receiptCodeSvg } from './receipt-code.js';
export { OutboxDeliveryService } from './outbox-delivery.service.js';
export { OutboxError, OutboxErrorCode } from './outbox.error.js';
export type { OutboxEntryView } from './outbox.view.js';
export type { MessageKind } from './outbox-message.entity.js';
export { insertPendingMessages } from './outbox.sql.js';
