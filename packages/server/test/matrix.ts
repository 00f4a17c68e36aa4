import type { Role } from '@cppcc/shared';
import type { Db } from '../src/db/client';

/**
 * One entry per registered route of the authorization matrix test (test/authorization-matrix.test.ts).
 * Entries live beside their module in `<module>.matrix.ts` and export `matrix: MatrixEntry[]`.
 */
export interface MatrixEntry {
  /** `METHOD /api/path/:param`, exactly as registered. */
  route: string;
  /** Routes anyone may call (login, health): the anonymous check is skipped. */
  public?: true;
  /** Routes that only concern the caller's own session or account (me, logout, own notifications). */
  selfOnly?: true;
  /**
   * Cross-committee check: the test builds a committee B with `foreign` and calls the route as a user of
   * committee A holding `roles` (the most powerful roles for this route). Leave it out only for `public`
   * and `selfOnly` routes.
   */
  crossCommittee?: {
    roles: Role[];
    /** Creates the target record(s) in committee B and returns the concrete request. */
    foreign(db: Db, committeeBId: number): Promise<ForeignRequest>;
  };
}

export interface ForeignRequest {
  url: string;
  payload?: unknown;
  /** multipart or other bodies: raw payload plus headers. */
  headers?: Record<string, string>;
  /**
   * Collection routes answer 200 with the caller's own records: the check then is that the body
   * does not contain this marker (a name or id of committee B's record).
   */
  mustNotContain?: string;
  /** Reads the state that a refused write must leave unchanged; compared before and after. */
  snapshot?(db: Db): Promise<unknown>;
}
