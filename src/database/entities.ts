import { User } from '../auth/user.entity.js';
import { SlotCapacity } from '../availability/slot-capacity.entity.js';
import { AppointmentType } from '../centres/appointment-type.entity.js';
import { Centre } from '../centres/centre.entity.js';
import { Closure } from '../centres/closure.entity.js';
import { OpeningHours } from '../centres/opening-hours.entity.js';
import { RateLimitBucket } from '../rate-limit/rate-limit-bucket.entity.js';
import { Init1764028800000 } from '../../migrations/1764028800000-Init.js';

export const ENTITIES = [User, Centre, AppointmentType, OpeningHours, Closure, SlotCapacity, RateLimitBucket];
export const MIGRATIONS = [Init1764028800000];
