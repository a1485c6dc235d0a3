/** What the queue capability offers the others; everything else in this folder is its own. */
export { QueueModule } from './queue.module.js';
export { QueueTickets } from './queue-tickets.js';
export { QueueError, QueueErrorCode } from './queue.error.js';
export { QueueService } from './queue.service.js';
export type { DisplayScreen, QueueTicketState } from './queue.service.js';
export type { DisplayCallView, QueueCallView } from './queue.view.js';
