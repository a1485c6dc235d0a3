/** What the rate-limit capability offers the others; everything else in this folder is its own. */
export { RateLimit } from './rate-limit.decorator.js';
