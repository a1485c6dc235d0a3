/** The rate limit's statements: one upsert per request counts it in its client's window; old windows go. */
export const RATE_LIMIT_SQL = {
  countHit: `INSERT INTO rate_limit_bucket (key, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (key) DO UPDATE SET hits = rate_limit_bucket.hits + 1 RETURNING hits`,
  dropOldWindows: 'DELETE FROM rate_limit_bucket WHERE window_start < $1',
};
