/** What the queue capability offers the others; everything else in this folder is its own. */
export { QueueModule } from './queue.module.js';
export { QueueTickets } from './queue-tickets.js';
