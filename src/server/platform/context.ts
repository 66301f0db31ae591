import type { Clock } from '#server/platform/clock.ts';
import type { Database } from '#server/platform/db/client.ts';
import type { MergerRole } from '#server/platform/access/roles.ts';
import type { Language } from '#shared/language.ts';

/** Who is acting: a signed-in person, through the browser or a personal API token. */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  isAdministrator: boolean;
  /** The language the person chose (decision 039); null or absent: follow Accept-Language. */
  language?: Language | null;
  via: 'session' | 'token';
}

/** What every service needs: the database, the clock (tests set it) and who acts. */
export interface ServiceContext {
  db: Database;
  now: Clock;
  /** Waits on that clock (the sign-in throttle's delay); unset: real time. Tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
  actor: Actor | null;
  /**
   * The language to answer this request in (decision 039: the actor's choice, else
   * Accept-Language, else nb); set by the access plugin. Absent outside a request: bokmål.
   */
  language?: Language;
  /** Set by the access plugin on routes scoped to one merger, after it checked the role. */
  membership?: {
    mergerId: string;
    role: MergerRole;
    /** The revision of the merger's data and of people when the request began (decision 019); set by the access plugin only. */
    dataRevision?: string;
    /** The merger is archived (decision 033); set by the access plugin only. */
    archived?: boolean;
  };
}

/** The context of a signed-in request; throws if a route forgot to require sign-in. */
export function actorOf(ctx: ServiceContext): Actor {
  if (!ctx.actor) throw new Error('this use case needs a signed-in actor; the route must require one');
  return ctx.actor;
}
