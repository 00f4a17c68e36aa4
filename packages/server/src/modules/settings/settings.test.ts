import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { defaultSettings } from '@cppcc/shared';
import { as, injectAs } from '../../../test/harness';
import { useCommitteeApp } from '../../../test/committee-app';
import { buildCommittee, signedInUser } from '../../../test/factories';
import { auditLog, committees } from '../../db/schema';
import { getSettings, mergeSettings } from '../../lib/settings';

const t = useCommitteeApp({ users: { sys: ['sysAdmin'] } });
const { sys } = t.users;

describe('getSettings', () => {
  it('gives the DOMAIN.md defaults to a committee that stored nothing', async () => {
    const s = await getSettings(t.database.db, t.committeeId);
    expect(s).toEqual(defaultSettings);
    // Written out again on purpose, grouped by what they count: a change to the shared defaults must show here.
    const lengths = { proposalContentLimit: 3000, opinionContentLimit: 1500 };
    const months = { handlingDeadlineMonths: 3, maxExtensionMonths: 6 };
    const days = { acknowledgeWindowDays: 7, coUnitOpinionDays: 30 };
    const counts = { rehandleLimit: 1, excellentProposalCapPercent: 5, maxLeaveRequestsPerMeeting: 2 };
    expect(s).toMatchObject({ ...lengths, ...months, ...days, ...counts, sessionIdleMinutes: 30 });
    expect(s.proposalCategories).toEqual('经济建设 政治建设 文化建设 社会建设 生态文明建设 其他'.split(' '));
    expect(s.answerCategories.map((c) => c.code)).toEqual(['A', 'B', 'C']);
    expect(s.rejectionGrounds).toHaveLength(10);
  });

  it('merges stored values over defaults key by key and ignores stored values that no longer validate', () => {
    const merged = mergeSettings({ rehandleLimit: 2, proposalContentLimit: 'many', unknownKey: 1 });
    expect(merged.rehandleLimit).toBe(2);
    expect(merged.proposalContentLimit).toBe(3000);
    expect(merged).not.toHaveProperty('unknownKey');
  });
});

describe('GET /api/settings', () => {
  it('is readable by any signed-in user of the committee, with abilities', async () => {
    const member = await signedInUser(t.app, t.committeeId, ['unitHandler']);
    const res = await t.app.inject({ method: 'GET', url: '/api/settings', headers: as(member) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      settings: { opinionContentLimit: 1500 },
      policies: { canRead: true, canUpdate: false },
    });
    // Another committee's configuration never shows.
    const other = await buildCommittee(t.database.db, { settings: { proposalCategories: ['外委专属类别'] } });
    const otherUser = await signedInUser(t.app, other.id, ['member']);
    const theirs = await t.app.inject({ method: 'GET', url: '/api/settings', headers: as(otherUser) });
    expect(theirs.json().settings.proposalCategories).toEqual(['外委专属类别']);
    expect(res.body).not.toContain('外委专属类别');
    const admin = await t.app.inject({ method: 'GET', url: '/api/settings', headers: as(sys) });
    expect(admin.json().policies.canUpdate).toBe(true);
  });
});

describe('PUT /api/settings', () => {
  it('lets the system administrator replace the settings, audits the diff, and modules read the new values', async () => {
    const next = {
      ...defaultSettings,
      rehandleLimit: 2,
      proposalCategories: ['经济', '民生'],
      handlingDeadlineMonths: 2,
    };
    const res = await t.app.inject({ method: 'PUT', url: '/api/settings', headers: as(sys), payload: next });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().settings).toEqual(next);
    expect(await getSettings(t.database.db, t.committeeId)).toEqual(next);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'settings.update'), eq(auditLog.committeeId, t.committeeId)));
    expect(audit!.changes).toEqual({
      proposalCategories: [defaultSettings.proposalCategories, ['经济', '民生']],
      handlingDeadlineMonths: [3, 2],
      rehandleLimit: [1, 2],
    });
    expect(audit!.actorId).toBe(sys.userId);
    const home = await t.app.inject({ method: 'GET', url: '/api/home', headers: as(sys) });
    expect(home.json().cards).toContainEqual(
      expect.objectContaining({
        key: 'settings.customised',
        value: 3,
        description: '提案类别、办理期限（月）、不满意重办次数',
      }),
    );
  });

  it('keeps the committee’s time zone, which every signed-in user’s pages show dates in', async () => {
    const me = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: as(sys) })).json();
    expect((await me()).committee.timeZone).toBe('Asia/Shanghai');
    const res = await injectAs(t, sys, 'PUT', '/api/settings', {
      ...(await getSettings(t.database.db, t.committeeId)),
      timeZone: 'Asia/Urumqi',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await me()).committee.timeZone).toBe('Asia/Urumqi');
  });

  it('keeps the basis 满意率 is counted on, which the proposal figures state and count by', async () => {
    expect(defaultSettings.satisfactionBasis).toBe('lead');
    const staff = await signedInUser(t.app, t.committeeId, ['proposalStaff']);
    const basis = async () =>
      (await injectAs(t, staff, 'GET', '/api/proposals/figures?year=2024')).json().satisfactionBasis;
    expect(await basis()).toEqual({ code: 'lead', label: '按件：以第一提案人的评价为准', unit: '件' });
    const res = await injectAs(t, sys, 'PUT', '/api/settings', {
      ...(await getSettings(t.database.db, t.committeeId)),
      satisfactionBasis: 'proposer',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(await basis()).toEqual({
      code: 'proposer',
      label: '按人次：每位提案人的评价各计一次',
      unit: '人次',
    });
  });

  it('refuses other roles, including the security and audit administrators, and changes nothing', async () => {
    const before = await getSettings(t.database.db, t.committeeId);
    for (const role of ['securityAdmin', 'auditAdmin', 'leader', 'proposalStaff'] as const) {
      const s = await signedInUser(t.app, t.committeeId, [role]);
      const res = await injectAs(t, s, 'PUT', '/api/settings', { ...defaultSettings, rehandleLimit: 5 });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toBe('只有系统管理员可以修改系统设置');
    }
    expect(await getSettings(t.database.db, t.committeeId)).toEqual(before);
  });

  it('refuses invalid settings with Chinese messages and changes nothing', async () => {
    const [before] = await t.database.db.select().from(committees).where(eq(committees.id, t.committeeId));
    const cases: [Record<string, unknown>, string, string][] = [
      [
        { ...defaultSettings, maxExtensionMonths: 1, handlingDeadlineMonths: 3 },
        'body.maxExtensionMonths',
        '延期上限不能短于办理期限',
      ],
      [
        { ...defaultSettings, proposalContentLimit: 10 },
        'body.proposalContentLimit',
        '提案正文字数上限不能小于 500',
      ],
      [
        { ...defaultSettings, proposalCategories: ['经济', '经济'] },
        'body.proposalCategories',
        '提案类别不能重复',
      ],
      [
        { ...defaultSettings, answerCategories: [{ code: 'a', label: '好' }] },
        'body.answerCategories.0.code',
        '答复类别代码为 1–2 个大写字母',
      ],
      [
        { ...defaultSettings, evaluationGradeThresholds: { excellent: 70, good: 80, fair: 60 } },
        'body.evaluationGradeThresholds',
        '分数线应满足 优秀 > 良好 > 一般',
      ],
      [{ ...defaultSettings, timeZone: 'Mars/Olympus' }, 'body.timeZone', '时区不正确，应如 Asia/Shanghai'],
      [
        { ...defaultSettings, satisfactionBasis: 'perUnit' },
        'body.satisfactionBasis',
        '请选择满意率统计口径',
      ],
      [{ ...defaultSettings, surprise: true }, 'body', '不允许的字段："surprise"'],
    ];
    for (const [payload, path, message] of cases) {
      const res = await t.app.inject({ method: 'PUT', url: '/api/settings', headers: as(sys), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().details.fields).toContainEqual({ path, message });
    }
    const { rehandleLimit: _omit, ...missing } = defaultSettings;
    const partial = await injectAs(t, sys, 'PUT', '/api/settings', missing);
    expect(partial.json().details.fields[0].path).toBe('body.rehandleLimit');
    const [after] = await t.database.db.select().from(committees).where(eq(committees.id, t.committeeId));
    expect(after!.settings).toEqual(before!.settings);
  });
});
