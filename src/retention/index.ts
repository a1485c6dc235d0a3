/** What the retention capability offers the others; everything else in this folder is its own. */
export { RetentionService } from './retention.service.js';
