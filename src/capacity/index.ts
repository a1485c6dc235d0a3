/** What the capacity capability offers the others; everything else in this folder is its own. */
export { CapacityError } from './capacity.error.js';
export { CapacityLedger } from './capacity-ledger.js';
export { CapacityModule } from './capacity.module.js';
export { CAPACITY_SQL, bookedCellsJson } from './capacity.sql.js';
