/** What the auth capability offers the others; everything else in this folder is its own. */
export { ActiveUsers } from './active-users.js';
export { canActFor } from './auth-user.js';
export type { AuthUser, Role } from './auth-user.js';
export { BearerAuth, CurrentUser, Public, Roles } from './auth.decorators.js';
export { AuthError, AuthErrorCode } from './auth.error.js';
export { AuthGuard } from './auth.guard.js';
export { AuthModule } from './auth.module.js';
