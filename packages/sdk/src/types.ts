// Hand-written for the foundation stage: a later issue derives these from the server's
// schemas (type-only imports), so keep them in step with the API until then.

export type UserRole = 'mentor' | 'admin';

export type MentorFormat = 'video' | 'call' | 'chat';

export type MentorStatus = 'pending' | 'approved' | 'paused' | 'suspended' | 'rejected';

export interface MentorStats {
  sessions: number;
  rating: number | null;
  ratingCount: number;
  medianResponseMinutes: number | null;
}

export interface Mentor {
  id: string;
  externalId: string | null;
  name: string;
  headline: string;
  bio: string;
  skills: string[];
  yearsExperience: number;
  languages: string[];
  timeZone: string;
  formats: MentorFormat[];
  status: MentorStatus;
  stats: MentorStats;
}

/** The caller as the server sees it: the tenant behind the key, and the user if a token was sent. */
export interface Me {
  tenant: { id: string; name: string };
  user: {
    id: string;
    externalId: string;
    name: string;
    email: string | null;
    roles: UserRole[];
    guest: boolean;
  } | null;
}

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
