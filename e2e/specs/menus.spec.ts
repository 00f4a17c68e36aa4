import { expect, menuTexts, signIn, test } from '../fixtures';

/** What each role must and must not find in the side menu. */
const expectations = {
  member: {
    has: ['首页', '我的提案', '通知'],
    lacks: ['提案工作', '委员', '承办单位', '账号管理', '审计日志', '系统设置'],
  },
  'proposal.staff': {
    has: ['首页', '提案工作', '承办单位', '提案者组织'],
    lacks: ['我的提案', '委员', '账号管理', '审计日志'],
  },
  secadmin: { has: ['首页', '账号管理'], lacks: ['我的提案', '提案工作', '委员', '审计日志', '系统设置'] },
  auditor: { has: ['首页', '审计日志'], lacks: ['我的提案', '提案工作', '委员', '账号管理', '系统设置'] },
} as const;

const seen = new Map<string, string>();

for (const [username, { has, lacks }] of Object.entries(expectations)) {
  test(`${username} sees the menu of the role`, async ({ page }) => {
    await signIn(page, username);
    const texts = await menuTexts(page);
    for (const label of has) expect(texts, `${username} should see ${label}`).toContain(label);
    for (const label of lacks) expect(texts, `${username} should not see ${label}`).not.toContain(label);
    seen.set(username, texts.join('|'));
  });
}

test('the four roles see four different menus', () => {
  expect(seen.size).toBe(4);
  expect(new Set(seen.values()).size).toBe(4);
});
