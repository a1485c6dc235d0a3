/** What the staff-sessions capability offers the others (the /staff and /admin pages); the rest is its own. */
export { StaffSessionsModule } from './staff-sessions.module.js';
export { StaffSessions } from './staff-sessions.service.js';
export type { StartedSession } from './staff-sessions.service.js';
