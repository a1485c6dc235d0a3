/** What the statistics capability offers the others (the administration's figures page); the rest is its own. */
export { StatisticsModule } from './statistics.module.js';
export { StatisticsService } from './statistics.service.js';
export type { CentreStatistics } from './statistics.view.js';
