import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import type { Role } from '@cppcc/shared';
import type { Db } from '../../db/client';
import * as s from '../../db/schema';
import type { ForeignRequest, MatrixEntry } from '../../../test/matrix';
import {
  buildContactPoint,
  buildMember,
  buildMemberGroup,
  buildOrganisationProposer,
  buildPlenarySession,
  buildSector,
  buildSpecialCommittee,
  buildStaff,
  buildTerm,
  buildUnit,
} from '../../../test/factories';
import { multipartFile, rosterFile } from './fixtures';

const tag = () => randomBytes(4).toString('hex');

/** One foreign record of committee B per resource: its id, a marker name, and a snapshot of B's rows. */
interface ForeignCase {
  path: string;
  roles: { read: Role[]; write: Role[] };
  build(db: Db, committeeId: number): Promise<{ id: number; marker: string }>;
  rows(db: Db, committeeId: number): Promise<unknown[]>;
  /** A valid create body for committee A that refers to nothing of B. */
  createBody(): unknown;
  updateBody(): unknown;
  routes: ('list' | 'export' | 'read' | 'create' | 'update')[];
}

const all = ['list', 'export', 'read', 'create', 'update'] as ForeignCase['routes'];
const readers: Role[] = ['liaisonStaff', 'proposalStaff', 'opinionStaff', 'leader', 'sysAdmin'];

const cases: ForeignCase[] = [
  {
    path: 'terms',
    roles: { read: readers, write: ['liaisonStaff', 'sysAdmin'] },
    build: async (db, c) => {
      const t = await buildTerm(db, c, { name: `第${tag()}届`, number: 7 });
      return { id: t.id, marker: t.name };
    },
    rows: (db, c) => db.select().from(s.terms).where(eq(s.terms.committeeId, c)).orderBy(asc(s.terms.id)),
    createBody: () => ({ number: 9, name: `矩阵届${tag()}`, startDate: '2030-01-01', endDate: '2034-12-31' }),
    updateBody: () => ({ name: `改名${tag()}` }),
    routes: all,
  },
  {
    path: 'plenary-sessions',
    roles: { read: readers, write: ['liaisonStaff', 'sysAdmin'] },
    build: async (db, c) => {
      const p = await buildPlenarySession(db, c, { name: `外会${tag()}` });
      return { id: p.id, marker: p.name };
    },
    rows: (db, c) =>
      db
        .select()
        .from(s.plenarySessions)
        .where(eq(s.plenarySessions.committeeId, c))
        .orderBy(asc(s.plenarySessions.id)),
    // Refers to committee B's term: must be refused and must not create a session under it.
    createBody: () => ({}),
    updateBody: () => ({ name: `改名${tag()}` }),
    routes: all,
  },
  {
    path: 'sectors',
    roles: { read: readers, write: ['liaisonStaff', 'sysAdmin'] },
    build: async (db, c) => {
      const r = await buildSector(db, c, `外界别${tag()}`);
      return { id: r.id, marker: r.name };
    },
    rows: (db, c) =>
      db.select().from(s.sectors).where(eq(s.sectors.committeeId, c)).orderBy(asc(s.sectors.id)),
    createBody: () => ({ name: `矩阵界别${tag()}` }),
    updateBody: () => ({ name: `改名${tag()}` }),
    routes: all,
  },
  {
    path: 'special-committees',
    roles: { read: readers, write: ['liaisonStaff', 'sysAdmin'] },
    build: async (db, c) => {
      const r = await buildSpecialCommittee(db, c, `外专委${tag()}`);
      return { id: r.id, marker: r.name };
    },
    rows: (db, c) =>
      db
        .select()
        .from(s.specialCommittees)
        .where(eq(s.specialCommittees.committeeId, c))
        .orderBy(asc(s.specialCommittees.id)),
    createBody: () => ({ name: `矩阵专委${tag()}` }),
    updateBody: () => ({ active: false }),
    routes: all,
  },
  {
    path: 'member-groups',
    roles: { read: readers, write: ['liaisonStaff', 'sysAdmin'] },
    build: async (db, c) => {
      const r = await buildMemberGroup(db, c, `外小组${tag()}`);
      return { id: r.id, marker: r.name };
    },
    rows: (db, c) =>
      db
        .select()
        .from(s.memberGroups)
        .where(eq(s.memberGroups.committeeId, c))
        .orderBy(asc(s.memberGroups.id)),
    createBody: () => ({ name: `矩阵小组${tag()}` }),
    updateBody: () => ({ description: '改' }),
    routes: all,
  },
  {
    path: 'contact-points',
    roles: { read: readers, write: ['liaisonStaff', 'sysAdmin'] },
    build: async (db, c) => {
      const r = await buildContactPoint(db, c, { name: `外联系点${tag()}` });
      return { id: r.id, marker: r.name };
    },
    rows: (db, c) =>
      db
        .select()
        .from(s.contactPoints)
        .where(eq(s.contactPoints.committeeId, c))
        .orderBy(asc(s.contactPoints.id)),
    createBody: () => ({ name: `矩阵联系点${tag()}`, kind: 'studio', town: '城关镇' }),
    updateBody: () => ({ town: '河东镇' }),
    routes: all,
  },
  {
    path: 'staff',
    roles: { read: readers, write: ['sysAdmin'] },
    build: async (db, c) => {
      const r = await buildStaff(db, c, { name: `外干部${tag()}` });
      return { id: r.id, marker: r.name };
    },
    rows: (db, c) => db.select().from(s.staff).where(eq(s.staff.committeeId, c)).orderBy(asc(s.staff.id)),
    createBody: () => ({ name: `矩阵干部${tag()}` }),
    updateBody: () => ({ position: '科员' }),
    routes: all,
  },
  {
    path: 'units',
    roles: { read: readers, write: ['proposalStaff', 'sysAdmin'] },
    build: async (db, c) => {
      const r = await buildUnit(db, c, { name: `外单位${tag()}` });
      return { id: r.id, marker: r.name };
    },
    rows: (db, c) => db.select().from(s.units).where(eq(s.units.committeeId, c)).orderBy(asc(s.units.id)),
    createBody: () => ({ name: `矩阵单位${tag()}` }),
    updateBody: () => ({ active: false }),
    routes: all,
  },
  {
    path: 'organisation-proposers',
    roles: { read: readers, write: ['proposalStaff', 'sysAdmin'] },
    build: async (db, c) => {
      const r = await buildOrganisationProposer(db, c, { name: `外党派${tag()}` });
      return { id: r.id, marker: r.name };
    },
    rows: (db, c) =>
      db
        .select()
        .from(s.organisationProposers)
        .where(eq(s.organisationProposers.committeeId, c))
        .orderBy(asc(s.organisationProposers.id)),
    createBody: () => ({}),
    updateBody: () => ({ kind: 'sector' }),
    routes: all,
  },
];

function entriesOf(c: ForeignCase): MatrixEntry[] {
  const base = `/api/${c.path}`;
  const out: MatrixEntry[] = [];
  const listLike = (suffix: string): MatrixEntry => ({
    route: `GET ${base}${suffix}`,
    crossCommittee: {
      roles: c.roles.read,
      async foreign(db, b) {
        const { marker } = await c.build(db, b);
        return { url: `${base}${suffix}?pageSize=200`, mustNotContain: marker };
      },
    },
  });
  if (c.routes.includes('list')) out.push(listLike(''));
  if (c.routes.includes('export')) out.push(listLike('/export'));
  if (c.routes.includes('read')) {
    out.push({
      route: `GET ${base}/:id`,
      crossCommittee: {
        roles: c.roles.read,
        async foreign(db, b) {
          const { id } = await c.build(db, b);
          return { url: `${base}/${id}` };
        },
      },
    });
  }
  if (c.routes.includes('create')) {
    out.push({
      route: `POST ${base}`,
      crossCommittee: {
        roles: c.roles.write,
        async foreign(db, b): Promise<ForeignRequest> {
          const { marker } = await c.build(db, b);
          let payload = c.createBody();
          if (c.path === 'plenary-sessions') {
            const term = await buildTerm(db, b, { name: `外届${tag()}`, number: 3 });
            payload = {
              termId: term.id,
              number: 2,
              name: `矩阵会议${tag()}`,
              meetingStart: '2024-01-10',
              meetingEnd: '2024-01-13',
              submissionOpens: '2023-10-10',
              submissionCloses: '2024-01-12',
            };
          }
          if (c.path === 'organisation-proposers') {
            const member = await buildMember(db, b);
            payload = { name: `矩阵党派${tag()}`, kind: 'party', convenerMemberId: member.id };
          }
          return { url: base, payload, mustNotContain: marker, snapshot: (d) => c.rows(d, b) };
        },
      },
    });
  }
  if (c.routes.includes('update')) {
    out.push({
      route: `PATCH ${base}/:id`,
      crossCommittee: {
        roles: c.roles.write,
        async foreign(db, b) {
          const { id } = await c.build(db, b);
          return { url: `${base}/${id}`, payload: c.updateBody(), snapshot: (d) => c.rows(d, b) };
        },
      },
    });
  }
  return out;
}

const memberReaders: Role[] = ['liaisonStaff', 'leader', 'sysAdmin'];
const memberRows = (db: Db, b: number) =>
  db.select().from(s.members).where(eq(s.members.committeeId, b)).orderBy(asc(s.members.id));

/**
 * A roster naming committee B's sector, term and a B member's phone, uploaded to `url`: the names
 * must not resolve, and B's members stay as they are.
 */
async function foreignRoster(db: Db, b: number, url: string) {
  const sector = await buildSector(db, b, `外界别${tag()}`);
  const term = await buildTerm(db, b, { name: `外届${tag()}`, number: 4 });
  const existing = await buildMember(db, b, { name: `外委员${tag()}`, sectorId: sector.id, termId: term.id });
  const file = await rosterFile([
    {
      姓名: '矩阵委员',
      性别: '男',
      民族: '汉族',
      出生年月: '1980-01',
      党派: '中共',
      界别: sector.name,
      手机: existing.phone,
      届: term.name,
    },
  ]);
  const { payload, headers } = multipartFile(file, 'roster.xlsx');
  return {
    url,
    payload,
    headers,
    mustNotContain: existing.name,
    snapshot: (d: Db) =>
      d.select().from(s.members).where(eq(s.members.sectorId, sector.id)).orderBy(asc(s.members.id)),
  };
}

export const matrix: MatrixEntry[] = [
  ...cases.flatMap(entriesOf),
  {
    route: 'GET /api/members',
    crossCommittee: {
      roles: memberReaders,
      async foreign(db, b) {
        const m = await buildMember(db, b, { name: `外委员${tag()}` });
        return { url: '/api/members?pageSize=200', mustNotContain: m.name };
      },
    },
  },
  {
    route: 'GET /api/members/export',
    crossCommittee: {
      roles: memberReaders,
      async foreign(db, b) {
        const m = await buildMember(db, b, { name: `外委员${tag()}` });
        return { url: '/api/members/export', mustNotContain: m.name };
      },
    },
  },
  {
    route: 'GET /api/members/import-template',
    crossCommittee: {
      roles: ['liaisonStaff'],
      async foreign(db, b) {
        const sector = await buildSector(db, b, `外界别${tag()}`);
        return { url: '/api/members/import-template', mustNotContain: sector.name };
      },
    },
  },
  {
    route: 'POST /api/members/import',
    crossCommittee: {
      roles: ['liaisonStaff', 'sysAdmin'],
      // Imported as an update: B's member is neither matched nor changed.
      foreign: (db, b) => foreignRoster(db, b, '/api/members/import?update=true'),
    },
  },
  {
    route: 'POST /api/members/import/preview',
    crossCommittee: {
      roles: ['liaisonStaff', 'sysAdmin'],
      // Previewed: B's member is not shown as matched.
      foreign: (db, b) => foreignRoster(db, b, '/api/members/import/preview'),
    },
  },
  {
    route: 'GET /api/members/:id',
    crossCommittee: {
      roles: memberReaders,
      async foreign(db, b) {
        const m = await buildMember(db, b);
        return { url: `/api/members/${m.id}` };
      },
    },
  },
  {
    route: 'POST /api/members',
    crossCommittee: {
      roles: ['liaisonStaff', 'sysAdmin'],
      async foreign(db, b) {
        const sector = await buildSector(db, b, `外界别${tag()}`);
        const term = await buildTerm(db, b, { name: `外届${tag()}`, number: 6 });
        return {
          url: '/api/members',
          payload: {
            name: '矩阵委员',
            gender: 'male',
            ethnicity: '汉族',
            birthMonth: '1980-01',
            party: '中共',
            sectorId: sector.id,
            phone: '13000000001',
            termId: term.id,
          },
          mustNotContain: sector.name,
          snapshot: (d) => d.select().from(s.members).where(eq(s.members.sectorId, sector.id)),
        };
      },
    },
  },
  {
    route: 'PATCH /api/members/:id',
    crossCommittee: {
      roles: ['liaisonStaff', 'sysAdmin'],
      async foreign(db, b) {
        const m = await buildMember(db, b);
        return { url: `/api/members/${m.id}`, payload: { name: '改名' }, snapshot: (d) => memberRows(d, b) };
      },
    },
  },
  {
    route: 'GET /api/organisation/options',
    crossCommittee: {
      roles: ['liaisonStaff', 'proposalStaff', 'sysAdmin'],
      async foreign(db, b) {
        const sector = await buildSector(db, b, `外界别${tag()}`);
        return { url: '/api/organisation/options?all=true', mustNotContain: sector.name };
      },
    },
  },
];
