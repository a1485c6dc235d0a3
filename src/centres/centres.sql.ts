/** $1 centre: its row locked for a calendar change (bookings hold it FOR SHARE, so they wait). */
export const CENTRES_SQL = {
  lockCentre: 'SELECT 1 FROM centre WHERE id = $1 FOR UPDATE',
};
