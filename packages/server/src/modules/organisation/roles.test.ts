import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@cppcc/shared';
import { as, createTestApp, type Session, type TestContext, injectAs } from '../../../test/harness';
import { buildCommittee, buildSector, buildTerm, buildUnit, signedInUser } from '../../../test/factories';
import type { Db } from '../../db/client';

/**
 * Every route of the module, table-driven: the managing role may list, read, export, create and update;
 * a role that may read but not manage is refused writes; a role that may not read is refused reads.
 * Refused writes change nothing.
 */
let t: TestContext;
let committeeId: number;
const sessions = new Map<string, Session>();

beforeAll(async () => {
  t = await createTestApp();
  committeeId = (await buildCommittee(t.database.db)).id;
});
afterAll(() => t.close());

async function sessionFor(roles: Role[], unitId?: number) {
  const key = `${roles.join(',')}:${unitId ?? ''}`;
  if (!sessions.has(key))
    sessions.set(key, await signedInUser(t.app, committeeId, roles, unitId ? { unitId } : {}));
  return sessions.get(key)!;
}

const tag = () => randomBytes(3).toString('hex');

interface Case {
  path: string;
  manager: Role[];
  /** May read but not write. */
  reader: Role[];
  /** May not read at all. */
  outsider: Role[];
  create(db: Db): Promise<object>;
  update: object;
  hasExport: boolean;
  hasDetail: boolean;
}

const cases: Case[] = [
  {
    path: 'terms',
    manager: ['liaisonStaff'],
    reader: ['member'],
    outsider: ['unitHandler'],
    create: async () => ({
      number: 10 + Math.floor(Math.random() * 80),
      name: `届${tag()}`,
      startDate: '2030-01-01',
      endDate: '2034-12-31',
    }),
    update: { name: '改名届' },
    hasExport: true,
    hasDetail: true,
  },
  {
    path: 'plenary-sessions',
    manager: ['sysAdmin'],
    reader: ['leader'],
    outsider: ['unitHead'],
    create: async (db) => {
      const term = await buildTerm(db, committeeId, { number: 100 + Math.floor(Math.random() * 1e5) });
      return {
        termId: term.id,
        number: 1,
        name: `会议${tag()}`,
        meetingStart: '2024-01-10',
        meetingEnd: '2024-01-13',
        submissionOpens: '2023-10-10',
        submissionCloses: '2024-01-12',
      };
    },
    update: { name: '改名会议' },
    hasExport: true,
    hasDetail: true,
  },
  ...(['sectors', 'special-committees'] as const).map((path): Case => ({
    path,
    manager: ['liaisonStaff'],
    reader: ['opinionStaff'],
    outsider: ['unitHandler'],
    create: async () => ({ name: `名${tag()}` }),
    update: { sortOrder: 5 },
    hasExport: true,
    hasDetail: true,
  })),
  {
    path: 'member-groups',
    manager: ['sysAdmin'],
    reader: ['member'],
    outsider: ['unitHead'],
    create: async () => ({ name: `小组${tag()}` }),
    update: { description: '说明' },
    hasExport: true,
    hasDetail: true,
  },
  {
    path: 'contact-points',
    manager: ['liaisonStaff'],
    reader: ['proposalStaff'],
    outsider: ['unitHandler'],
    create: async () => ({ name: `点${tag()}`, kind: 'station', town: '河东镇' }),
    update: { village: '西村' },
    hasExport: true,
    hasDetail: true,
  },
  {
    path: 'staff',
    manager: ['sysAdmin'],
    reader: ['liaisonStaff'],
    outsider: ['member'],
    create: async () => ({ name: `干部${tag()}` }),
    update: { department: '办公室' },
    hasExport: true,
    hasDetail: true,
  },
  {
    path: 'units',
    manager: ['proposalStaff'],
    reader: ['liaisonStaff'],
    outsider: ['member'],
    create: async () => ({ name: `单位${tag()}` }),
    update: { shortName: '简称' },
    hasExport: true,
    hasDetail: true,
  },
  {
    path: 'organisation-proposers',
    manager: ['proposalStaff'],
    reader: ['member'],
    outsider: ['unitHandler'],
    create: async () => ({ name: `党派${tag()}`, kind: 'party' }),
    update: { kind: 'memberGroup' },
    hasExport: true,
    hasDetail: true,
  },
  {
    path: 'members',
    manager: ['liaisonStaff'],
    reader: ['leader'],
    outsider: ['unitHandler'],
    create: async (db) => {
      const sector = await buildSector(db, committeeId);
      const term = await buildTerm(db, committeeId, { number: 100 + Math.floor(Math.random() * 1e5) });
      return {
        name: `委员${tag()}`,
        gender: 'female',
        ethnicity: '汉族',
        birthMonth: '1980-02',
        party: '中共',
        sectorId: sector.id,
        phone: `135${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
        termId: term.id,
      };
    },
    update: { employer: '某单位' },
    hasExport: true,
    hasDetail: true,
  },
];

describe.each(cases)('/api/$path', (c) => {
  let id: number;
  it('the managing role lists, creates, reads, updates and exports', async () => {
    const manager = await sessionFor(c.manager);
    const created = await injectAs(t, manager, 'POST', `/api/${c.path}`, await c.create(t.database.db));
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    expect(created.json().policies.canUpdate).toBe(true);
    const list = await injectAs(t, manager, 'GET', `/api/${c.path}?pageSize=200`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: number }) => i.id)).toContain(id);
    const updated = await injectAs(t, manager, 'PATCH', `/api/${c.path}/${id}`, c.update);
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json()).toMatchObject(c.update);
    if (c.hasDetail) {
      const read = await injectAs(t, manager, 'GET', `/api/${c.path}/${id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject(c.update);
    }
    if (c.hasExport) {
      const exported = await injectAs(t, manager, 'GET', `/api/${c.path}/export`);
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toContain('spreadsheetml');
    }
  });

  it('a reader reads but may not create or update, and nothing changes', async () => {
    const reader = await sessionFor(c.reader);
    const list = await injectAs(t, reader, 'GET', `/api/${c.path}`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((i: { policies: { canUpdate: boolean } }) => !i.policies.canUpdate)).toBe(
      true,
    );
    if (c.hasDetail) {
      expect((await injectAs(t, reader, 'GET', `/api/${c.path}/${id}`)).statusCode).toBe(200);
    }
    const before = await injectAs(t, reader, 'GET', `/api/${c.path}?pageSize=200`);
    const create = await injectAs(t, reader, 'POST', `/api/${c.path}`, await c.create(t.database.db));
    expect(create.statusCode, create.body).toBe(403);
    const update = await injectAs(t, reader, 'PATCH', `/api/${c.path}/${id}`, { ...c.update });
    expect([403, 404]).toContain(update.statusCode);
    const after = await injectAs(t, reader, 'GET', `/api/${c.path}?pageSize=200`);
    expect(after.json()).toEqual(before.json());
  });

  it('a role without access may not list, read or export', async () => {
    const unit = await buildUnit(t.database.db, committeeId);
    const outsider = await sessionFor(
      c.outsider,
      c.outsider.some((r) => r.startsWith('unit')) ? unit.id : undefined,
    );
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/${c.path}`, headers: as(outsider) })).statusCode,
    ).toBe(404);
    if (c.hasDetail) {
      expect(
        (await t.app.inject({ method: 'GET', url: `/api/${c.path}/${id}`, headers: as(outsider) }))
          .statusCode,
      ).toBe(404);
    }
    if (c.hasExport) {
      expect(
        (await t.app.inject({ method: 'GET', url: `/api/${c.path}/export`, headers: as(outsider) }))
          .statusCode,
      ).toBe(404);
    }
  });
});
