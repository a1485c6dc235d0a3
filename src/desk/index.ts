/** What the desk capability offers the others; everything else in this folder is its own. */
export { AppointmentView, IdentityCheckResultView } from './appointment.view.js';
export { DeskActionsService } from './desk-actions.service.js';
export { CompleteDto, IdentityCheckDto } from './desk.dto.js';
export { DeskError, DeskErrorCode } from './desk.error.js';
export { DeskModule } from './desk.module.js';
export { DeskService } from './desk.service.js';
export { IdentityCheckService } from './identity-check.service.js';
