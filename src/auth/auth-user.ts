export type Role = 'admin' | 'staff';

/** Who is calling, as the auth guard puts it on the request. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  centreIds: string[];
}

export function canActFor(user: AuthUser, centreId: string): boolean {
  return user.role === 'admin' || user.centreIds.includes(centreId.toLowerCase());
}
