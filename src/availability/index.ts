/** What the availability capability offers the others; everything else in this folder is its own. */
export type { AvailabilityView } from './availability.dto.js';
export { AvailabilityModule } from './availability.module.js';
export { AvailabilityService } from './availability.service.js';
