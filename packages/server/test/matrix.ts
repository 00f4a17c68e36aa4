import type { Role } from '@cppcc/shared';
import type { Db } from '../src/db/client';
import type { AppConfig } from '../src/env';

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
  /**
   * Records that only some people of the same committee may see (a draft belongs to its proposers).
   * Each case builds its record in a fresh committee; every `hidden` person must get 404, exactly as
   * for another committee's record, and every `readers` person a 2xx.
   */
  visibility?: VisibilityCase[];
}

/** Someone to sign in as: roles and the records the account is linked to. */
export interface Person {
  label: string;
  roles: Role[];
  memberId?: number;
  unitId?: number;
}

export interface VisibilityCase {
  /** What the record is, for the failure message ('草稿', '联名征集中的提案'). */
  name: string;
  build(
    db: Db,
    committeeId: number,
    config: Pick<AppConfig, 'uploadDir'>,
  ): Promise<{ url: string; readers: Person[]; hidden: Person[] }>;
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
  /**
   * A create naming another committee's records (members to invite) is refused as invalid input,
   * like any unknown id: the statuses that count as refused here instead of 403/404.
   */
  refusedWith?: number[];
  /** Reads the state that a refused write must leave unchanged; compared before and after. */
  snapshot?(db: Db): Promise<unknown>;
}
