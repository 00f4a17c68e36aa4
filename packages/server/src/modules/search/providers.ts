import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import {
  opinionStateLabels,
  proposalStateLabels,
  suggestionStateLabels,
  activityStateLabels,
  formatDay,
  type CommitteeSettings,
  type OpinionState,
  type ProposalState,
  type SearchKind,
  type SuggestionState,
  type ActivityState,
} from '@cppcc/shared';
import type { DbOrTx } from '../../db/client';
import {
  activities,
  activitySuggestions,
  memberGroups,
  members,
  opinions,
  plenarySessions,
  proposalUnits,
  proposals,
  sectors,
} from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { pinyinOf } from '../../lib/chinese-text';
import { can } from '../../lib/policy';
import { loadAccess as loadOpinionAccess } from '../opinions/access';
import { loadAccess as loadProposalAccess } from '../proposals/access';
import { suggestionAccess } from '../activities/outcomes/suggestions';
import { kindOf } from '../activities/rules';
import { activityAccesses } from '../activities/workflow';

/**
 * What the search knows of each kind of record: how to read the rows changed since a time into index
 * entries, and which of a set of hits the actor may see — decided by the record's own policy, so that
 * search shows exactly what the record's page would.
 */

export interface IndexedRecord {
  recordId: number;
  title: string;
  body: string;
  /** Extra text that should match but is not shown (pinyin of a name …). */
  hidden?: string;
  year: number | null;
  state: string | null;
  category: string | null;
  sectorId: number | null;
  unitIds: number[];
  occurredAt: Date | null;
  updatedAt: Date;
}

export interface SearchProvider {
  kind: SearchKind;
  /** Whether the actor may search this kind at all. */
  searchable(actor: Actor): boolean;
  changedSince(
    db: DbOrTx,
    committeeId: number,
    since: Date,
    settings: CommitteeSettings,
  ): Promise<IndexedRecord[]>;
  /** Of the hit record ids, those the actor may read, with what a hit shows besides title and snippet. */
  visible(
    db: DbOrTx,
    actor: Actor,
    ids: number[],
    settings: CommitteeSettings,
  ): Promise<Map<number, { detail: string; link: string }>>;
}

const yearIn = (d: Date | null, timeZone: string) => (d ? Number(formatDay(d, timeZone).slice(0, 4)) : null);

const proposalProvider: SearchProvider = {
  kind: 'proposal',
  searchable: () => true,
  async changedSince(db, committeeId, since) {
    const rows = await db
      .select({
        p: proposals,
        sessionStart: plenarySessions.meetingStart,
        sectorId: members.sectorId,
        unitIds: sql<
          number[]
        >`coalesce((select array_agg(distinct ${proposalUnits.unitId}) from ${proposalUnits} where ${proposalUnits.proposalId} = ${proposals.id} and ${proposalUnits.active}), '{}')`,
      })
      .from(proposals)
      .innerJoin(plenarySessions, eq(plenarySessions.id, proposals.sessionId))
      .innerJoin(members, eq(members.id, proposals.leadMemberId))
      .where(and(eq(proposals.committeeId, committeeId), gte(proposals.updatedAt, since)));
    return rows.map(({ p, sessionStart, sectorId, unitIds }) => ({
      recordId: p.id,
      title: p.title,
      body: p.content,
      year: Number(String(sessionStart).slice(0, 4)),
      state: p.state,
      category: p.category,
      sectorId,
      unitIds,
      occurredAt: p.submittedAt ?? p.createdAt,
      updatedAt: p.updatedAt,
    }));
  },
  async visible(db, actor, ids) {
    const rows = await db
      .select({
        id: proposals.id,
        committeeId: proposals.committeeId,
        state: proposals.state,
        leadMemberId: proposals.leadMemberId,
      })
      .from(proposals)
      .where(and(eq(proposals.committeeId, actor.committeeId), inArray(proposals.id, ids)));
    const access = await loadProposalAccess(db, rows);
    const out = new Map<number, { detail: string; link: string }>();
    for (const r of rows)
      if (can(actor, 'read', 'proposal', access.get(r.id)!))
        out.set(r.id, { detail: proposalStateLabels[r.state as ProposalState], link: `/proposals/${r.id}` });
    return out;
  },
};

const opinionProvider: SearchProvider = {
  kind: 'opinion',
  searchable: () => true,
  async changedSince(db, committeeId, since, settings) {
    const rows = await db
      .select({ o: opinions, sectorId: members.sectorId })
      .from(opinions)
      .leftJoin(members, eq(members.id, opinions.leadMemberId))
      .where(and(eq(opinions.committeeId, committeeId), gte(opinions.updatedAt, since)));
    return rows.map(({ o, sectorId }) => ({
      recordId: o.id,
      // What its author wrote: the editors' working edits are not shown to everyone who may read it.
      title: o.title,
      body: o.content,
      year: yearIn(o.submittedAt ?? o.createdAt, settings.timeZone),
      state: o.state,
      category: o.category,
      sectorId,
      unitIds: [],
      occurredAt: o.submittedAt ?? o.createdAt,
      updatedAt: o.updatedAt,
    }));
  },
  async visible(db, actor, ids) {
    const rows = await db
      .select({
        id: opinions.id,
        committeeId: opinions.committeeId,
        state: opinions.state,
        submitterType: opinions.submitterType,
        submittedBy: opinions.submittedBy,
        leadMemberId: opinions.leadMemberId,
      })
      .from(opinions)
      .where(and(eq(opinions.committeeId, actor.committeeId), inArray(opinions.id, ids)));
    const access = await loadOpinionAccess(db, rows);
    const out = new Map<number, { detail: string; link: string }>();
    for (const r of rows)
      if (can(actor, 'read', 'opinion', access.get(r.id)!))
        out.set(r.id, { detail: opinionStateLabels[r.state as OpinionState], link: `/opinions/${r.id}` });
    return out;
  },
};

const activityProvider: SearchProvider = {
  kind: 'activity',
  searchable: () => true,
  async changedSince(db, committeeId, since, settings) {
    const rows = await db
      .select()
      .from(activities)
      .where(and(eq(activities.committeeId, committeeId), gte(activities.updatedAt, since)));
    return rows.map((a) => ({
      recordId: a.id,
      title: a.topic,
      body: [a.place, a.agenda, a.minutes, a.residentIssue, a.leaderInstructions].filter(Boolean).join('\n'),
      year: yearIn(a.startsAt, settings.timeZone),
      state: a.state,
      category: a.kind,
      sectorId: null,
      unitIds: [],
      occurredAt: a.startsAt,
      updatedAt: a.updatedAt,
    }));
  },
  async visible(db, actor, ids, settings) {
    const rows = await db
      .select()
      .from(activities)
      .where(and(eq(activities.committeeId, actor.committeeId), inArray(activities.id, ids)));
    const access = await activityAccesses(db, rows);
    const out = new Map<number, { detail: string; link: string }>();
    for (const r of rows) {
      if (can(actor, 'read', 'activity', access.get(r.id)!))
        out.set(r.id, {
          detail: `${kindOf(settings, r.kind).label} · ${activityStateLabels[r.state as ActivityState]}`,
          link: `/activities/${r.id}`,
        });
    }
    return out;
  },
};

const suggestionProvider: SearchProvider = {
  kind: 'suggestion',
  searchable: () => true,
  async changedSince(db, committeeId, since, settings) {
    const rows = await db
      .select({ s: activitySuggestions, topic: activities.topic, startsAt: activities.startsAt })
      .from(activitySuggestions)
      .innerJoin(activities, eq(activities.id, activitySuggestions.activityId))
      .where(
        and(eq(activitySuggestions.committeeId, committeeId), gte(activitySuggestions.updatedAt, since)),
      );
    return rows.map(({ s, topic, startsAt }) => ({
      recordId: s.id,
      title: s.content.length > 40 ? `${s.content.slice(0, 40)}…` : s.content,
      body: [s.content, topic, s.adoptionFeedback, s.implementationFeedback].filter(Boolean).join('\n'),
      year: yearIn(startsAt, settings.timeZone),
      state: s.state,
      category: null,
      sectorId: null,
      unitIds: s.unitId ? [s.unitId] : [],
      occurredAt: startsAt,
      updatedAt: s.updatedAt,
    }));
  },
  async visible(db, actor, ids) {
    const rows = await db
      .select()
      .from(activitySuggestions)
      .where(
        and(eq(activitySuggestions.committeeId, actor.committeeId), inArray(activitySuggestions.id, ids)),
      );
    const out = new Map<number, { detail: string; link: string }>();
    for (const r of rows)
      if (can(actor, 'read', 'activitySuggestion', suggestionAccess(r)))
        out.set(r.id, {
          detail: suggestionStateLabels[r.state as SuggestionState],
          link: `/activities/suggestions?activityId=${r.activityId}`,
        });
    return out;
  },
};

const memberProvider: SearchProvider = {
  kind: 'member',
  searchable: (actor) => can(actor, 'list', 'member', { committeeId: actor.committeeId }),
  async changedSince(db, committeeId, since) {
    const rows = await db
      .select({ m: members, sector: sectors.name, group: memberGroups.name })
      .from(members)
      .innerJoin(sectors, eq(sectors.id, members.sectorId))
      .leftJoin(memberGroups, eq(memberGroups.id, members.groupId))
      .where(and(eq(members.committeeId, committeeId), gte(members.updatedAt, since)));
    return rows.map(({ m, sector, group }) => {
      const py = pinyinOf(m.name);
      return {
        recordId: m.id,
        title: m.name,
        body: [sector, group, m.employer].filter(Boolean).join(' · '),
        hidden: `${py.full} ${py.initials}`,
        year: null,
        state: m.status,
        category: null,
        sectorId: m.sectorId,
        unitIds: [],
        occurredAt: m.createdAt,
        updatedAt: m.updatedAt,
      };
    });
  },
  async visible(db, actor, ids) {
    const rows = await db
      .select({ id: members.id, committeeId: members.committeeId, name: members.name, sector: sectors.name })
      .from(members)
      .innerJoin(sectors, eq(sectors.id, members.sectorId))
      .where(and(eq(members.committeeId, actor.committeeId), inArray(members.id, ids)));
    const out = new Map<number, { detail: string; link: string }>();
    const browse = can(actor, 'browse', 'member', { committeeId: actor.committeeId });
    for (const r of rows)
      if (can(actor, 'read', 'member', { committeeId: r.committeeId, id: r.id }))
        // Only the liaison pages open a member's row; others meet members in their own lists.
        out.set(r.id, { detail: r.sector, link: browse ? `/members?q=${encodeURIComponent(r.name)}` : '' });
    return out;
  },
};

export const searchProviders: readonly SearchProvider[] = [
  proposalProvider,
  opinionProvider,
  activityProvider,
  suggestionProvider,
  memberProvider,
];

export const providerOf = (kind: SearchKind) => searchProviders.find((p) => p.kind === kind)!;
