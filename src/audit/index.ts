/** What the audit capability offers the others; everything else in this folder is its own. */
export { AuditModule } from './audit.module.js';
export { AuditService } from './audit.service.js';
export { AuditView } from './audit.view.js';
export type { AuditEntry, AuditedBooking } from './audit.service.js';
