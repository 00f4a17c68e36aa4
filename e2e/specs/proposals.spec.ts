import type { Page } from 'playwright-core';
import { pinyin } from 'pinyin-pro';
import { apiGet, apiSignIn } from '../server';
import {
  apiPost,
  apiSession,
  baseUrl,
  choose,
  confirmCommand,
  pressDialogOk,
  expect,
  signedInPages,
  signIn,
  test,
} from '../fixtures';

/**
 * One joint proposal walked through the UI by every role: member writes and invites member2 → member2
 * confirms → member submits → staff accept and assign a lead and a co-unit → both units acknowledge, the
 * co-unit sends its opinion, the lead handler drafts and the head approves → staff approve the answer →
 * 不满意 → re-handling → answer again → 满意 → closed; the session figures follow.
 *
 * Only one unit has demo accounts, so the co-unit's handler account is created here through the security
 * administrator's accounts API (and its one-time password changed over the auth API).
 */

interface Figures {
  totals: { key: string; value: number; unit: string; basis?: string }[];
  satisfactionBasis: { code: string; unit: string };
}

async function figures(sessionId: number): Promise<Record<string, number>> {
  const staff = await apiSession('proposal.staff');
  const f = await apiGet<Figures>(baseUrl(), staff, `/api/proposals/figures?sessionId=${sessionId}`);
  return Object.fromEntries(f.totals.map((t) => [t.key, t.value]));
}

async function proposalState(id: number): Promise<{ state: string; number: number | null }> {
  const staff = await apiSession('proposal.staff');
  return apiGet(baseUrl(), staff, `/api/proposals/${id}`);
}

/** Finds a proposal in a list page through its keyword filter and opens it. */
async function openFromList(page: Page, path: string, title: string) {
  await page.goto(path);
  await page.getByLabel('关键词').fill(title);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await page.getByRole('link', { name: title }).click();
  await page.waitForURL(/\/proposals\/\d+$/);
}

async function stateTag(page: Page, label: string) {
  await page.getByRole('heading', { level: 4 }).waitFor();
  await page.getByRole('main').getByText(label, { exact: true }).first().waitFor();
}

async function rate(page: Page, id: number, satisfaction: string) {
  await page.goto(`/proposals/${id}`);
  await page.getByRole('button', { name: '评价答复', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '评价答复' });
  // A click that lands while the dialog is still opening can miss its radio: check again once.
  const pick = async (group: string, option: string) => {
    const radio = dialog
      .getByRole('radiogroup', { name: group })
      .getByRole('radio', { name: option, exact: true });
    await radio.check().catch(async () => {
      await page.waitForTimeout(300);
      await radio.check();
    });
  };
  await pick('对答复的满意度', satisfaction);
  await pick('办理态度', '满意');
  await pick('是否针对提案', '针对提案');
  if (satisfaction !== '不满意') return pressDialogOk(dialog, '提交评价');
  await dialog.getByLabel('评价意见').fill('答复未回应提出的具体建议');
  // 不满意 sends the answer back: it is asked once more before it is sent.
  await dialog.getByRole('button', { name: '提交评价' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '确认评价为“不满意”' });
  await confirm.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function draftAndSendAnswer(lead: Page, head: Page, id: number, text: string) {
  await lead.goto(`/proposals/${id}`);
  await lead.getByRole('button', { name: '起草答复', exact: true }).click();
  const dialog = lead.getByRole('dialog', { name: /起草答复/ });
  await choose(dialog.getByLabel('答复类别'), 'A 类');
  await dialog.getByLabel('答复内容').fill(text);
  await dialog.getByLabel('联系人').fill('王经办');
  await dialog.getByLabel('联系电话').fill('0951-1234567');
  await pressDialogOk(dialog, '保存答复');
  await confirmCommand(lead, '提交负责人审核');
  await lead.getByRole('main').getByText('待负责人审核', { exact: true }).waitFor();

  await head.goto(`/proposals/${id}`);
  await confirmCommand(head, '审核通过并报送');
  await head.getByRole('main').getByText('已报送', { exact: true }).waitFor();
}

async function staffApproveAnswer(staff: Page, id: number) {
  await staff.goto(`/proposals/${id}`);
  await staff.getByRole('button', { name: '审核答复', exact: true }).click();
  const dialog = staff.getByRole('dialog', { name: '审核答复' });
  await expect(
    dialog.getByRole('radiogroup', { name: '审核结果' }).getByRole('radio', { name: '通过' }).isChecked(),
  ).resolves.toBe(true);
  await pressDialogOk(dialog, '提交审核意见');
}

test(
  'a joint proposal goes from member to closed through every role, and the session figures follow',
  { timeout: 300_000 },
  async ({ browser }) => {
    const { as, screenshots } = signedInPages(browser, 'proposals');
    try {
      await walk(as);
    } catch (error) {
      await screenshots();
      throw error;
    }
  },
);

async function walk(as: ReturnType<typeof signedInPages>['as']) {
  const title = `关于完善社区嵌入式托育服务的提案${Date.now() % 100000}`;

  // The two units: the demo unit (lead) and a second one (co) whose handler account is created here.
  const staffApi = await apiSession('proposal.staff');
  const handlerApi = await apiSession('unit.handler');
  const leadUnitId = (await apiGet<{ unitId: number }>(baseUrl(), handlerApi, '/api/auth/me')).unitId;
  const units = (
    await apiGet<{ units: { id: number; name: string }[] }>(baseUrl(), staffApi, '/api/organisation/options')
  ).units;
  const leadUnit = units.find((u) => u.id === leadUnitId)!;
  const coUnit = units.find((u) => u.id !== leadUnitId)!;
  const coUsername = `co.unit.${Date.now() % 100000}`;
  const created = await apiPost<{ initialPassword: string }>(await apiSession('secadmin'), '/api/accounts', {
    username: coUsername,
    displayName: `${coUnit.name}经办人`,
    roles: ['unitHandler'],
    unitId: coUnit.id,
  });
  const coPassword = 'CoUnit#Pass2024';
  const coFirst = await apiSignIn(baseUrl(), coUsername, created.initialPassword);
  await apiPost(coFirst, '/api/auth/password', {
    currentPassword: created.initialPassword,
    newPassword: coPassword,
  });
  const member2Name = (
    await apiGet<{ displayName: string }>(baseUrl(), await apiSession('member2'), '/api/auth/me')
  ).displayName;

  // 1. The member writes the proposal; bad input is refused on the form before anything is saved.
  const member = await as('member');
  await member.goto('/proposals/new');
  await member.getByLabel('案由（标题）').fill('关'.repeat(61));
  await member.getByRole('main').getByText('案由（标题）不超过 60 个字').waitFor();
  await member.getByRole('button', { name: '保存草稿' }).click();
  await member.getByRole('main').getByText('请填写提案内容').waitFor();
  expect(new URL(member.url()).pathname).toBe('/proposals/new');

  await member.getByLabel('案由（标题）').fill(title);
  await choose(member.getByLabel('类别', { exact: true }), '社会建设');
  await member
    .getByLabel('提案内容')
    .fill(
      '我区托育机构普遍存在收费偏高、布点不均的问题。建议：一是在社区党群服务中心嵌入普惠托育点；二是对普惠托育机构给予运营补贴；三是加强托育从业人员培训。',
    );
  // The co-proposer is found by the initials of the name (people search), then picked by the name.
  const coProposer = member.getByLabel('联名提案人');
  await coProposer.click();
  await coProposer.fill(
    (pinyin(member2Name, { toneType: 'none', type: 'array' }) as string[]).map((s) => s[0]).join(''),
  );
  await member.getByTitle(new RegExp(`^${member2Name}（`)).click();
  // An executable is refused at upload with the reason; a text file is accepted and travels with the proposal.
  const fileInput = member.locator('input[type=file]');
  await fileInput.setInputFiles({
    name: '工具.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(510)]),
  });
  await member
    .getByText(/不支持的文件类型/)
    .first()
    .waitFor();
  await fileInput.setInputFiles({
    name: '调研数据.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('托育机构调研数据：全区共 12 家，普惠性 3 家。'),
  });
  await member.getByRole('main').getByText('调研数据.txt').waitFor();
  await member.getByRole('button', { name: '保存并邀请联名' }).click();
  await member.getByRole('button', { name: '保存并邀请', exact: true }).click();
  await member.waitForURL(/\/proposals\/\d+$/);
  const id = Number(new URL(member.url()).pathname.split('/').pop());
  await stateTag(member, '联名征集中');

  const draft = await apiGet<{ session: { id: number }; attachmentIds: number[] }>(
    baseUrl(),
    await apiSession('member'),
    `/api/proposals/${id}`,
  );
  expect(draft.attachmentIds).toHaveLength(1);
  await member.getByRole('link', { name: '调研数据.txt' }).waitFor();
  const session = draft.session.id;
  const before = await figures(session);

  // 2. member2 confirms in the co-sign queue.
  const member2 = await as('member2');
  await openFromList(member2, '/proposals/cosign', title);
  await confirmCommand(member2, '附议');
  await member2.getByRole('main').getByText('已附议', { exact: true }).waitFor();

  // 3. The member submits.
  await member.goto(`/proposals/${id}`);
  await confirmCommand(member, '提交提案');
  await stateTag(member, '已提交');

  // 4. Staff review, accept (a number is given) and assign a lead and a co-unit.
  const staff = await as('proposal.staff');
  await openFromList(staff, '/proposals/review', title);
  await confirmCommand(staff, '开始审查');
  await stateTag(staff, '审查中');
  await staff.getByRole('button', { name: '立案', exact: true }).click();
  await staff.getByRole('dialog', { name: '立案' }).getByRole('button', { name: '确定立案' }).click();
  await stateTag(staff, '已立案');
  const accepted = await proposalState(id);
  expect(accepted.number).toBeGreaterThan(0);
  await staff
    .getByRole('main')
    .getByText(`第${String(accepted.number).padStart(4, '0')}号`, { exact: true })
    .first()
    .waitFor();

  await staff.getByRole('button', { name: '交办', exact: true }).click();
  const assign = staff.getByRole('dialog', { name: '交办' });
  await choose(assign.getByLabel('主办单位'), leadUnit.name);
  await choose(assign.getByLabel('协办单位'), coUnit.name);
  // Close the multi-select's dropdown without pressing Escape, which would close the dialog.
  await assign.getByText('交办方式').click();
  await pressDialogOk(assign, '确定交办');
  await stateTag(staff, '办理中');

  // 5. Both units acknowledge; the co-unit sends its opinion to the lead unit.
  const lead = await as('unit.handler');
  await openFromList(lead, '/unit/proposals', title);
  await confirmCommand(lead, '签收');
  await lead.getByRole('button', { name: '起草答复', exact: true }).waitFor();

  const co = await as(coUsername, coPassword);
  await co.goto(`/proposals/${id}`);
  await confirmCommand(co, '签收');
  await co.getByRole('button', { name: '报送协办意见' }).click();
  const opinion = co.getByRole('dialog', { name: '报送协办意见' });
  await opinion.getByLabel('协办意见').fill('建议将普惠托育点纳入本部门年度民生实事项目，并配套场地支持。');
  await pressDialogOk(opinion, '报送主办单位');

  // 6. The lead unit drafts, its head approves, staff approve: the proposal is answered.
  const head = await as('unit.head');
  await draftAndSendAnswer(
    lead,
    head,
    id,
    '经研究，我局将于年内在三个社区试点嵌入式普惠托育点，并出台运营补贴办法。',
  );
  await staffApproveAnswer(staff, id);
  await stateTag(staff, '已答复');

  // 7. 不满意 from the member (member2 is satisfied): the proposal goes back to the lead unit.
  await rate(member, id, '不满意');
  // The member who has rated sees whom the proposal waits for.
  await member.getByText(/^等待提案人评价：/).waitFor();
  await rate(member2, id, '满意');
  await stateTag(member2, '重新办理');
  expect((await proposalState(id)).state).toBe('rehandling');
  const midway = await figures(session);
  expect(midway.submitted).toBe(before.submitted! + 1);
  expect(midway.accepted).toBe(before.accepted! + 1);
  expect(midway.answered).toBe(before.answered);
  expect(midway.dissatisfied).toBe(before.dissatisfied! + 1);

  // 8. Re-handling: a second answer, approved again, then 满意 from both: closed.
  await draftAndSendAnswer(
    lead,
    head,
    id,
    '根据委员意见，我局补充明确：试点扩大到五个社区，补贴标准为每托位每月300元。',
  );
  await staffApproveAnswer(staff, id);
  await stateTag(staff, '已答复');
  await rate(member, id, '满意');
  await rate(member2, id, '满意');
  await stateTag(member2, '已办结');
  expect((await proposalState(id)).state).toBe('closed');

  // The whole path is on the member's timeline.
  await member.goto(`/proposals/${id}`);
  for (const step of [
    '发起联名',
    '提交提案',
    '立案',
    '交办',
    '签收',
    '报送协办意见',
    '审核答复',
    '不满意重新办理',
    '评价完成办结',
  ]) {
    await member.getByRole('main').getByText(step, { exact: true }).first().waitFor();
  }

  // 9. The figures: one more submitted, accepted and answered. Satisfaction counts per proposal (件) by
  // the lead proposer's rating (the default basis): the two 满意 ratings are one more 满意 proposal.
  const after = await figures(session);
  expect(after.submitted).toBe(before.submitted! + 1);
  expect(after.accepted).toBe(before.accepted! + 1);
  expect(after.answered).toBe(before.answered! + 1);
  expect(after.rated).toBe(before.rated! + 1);
  expect(after.satisfied).toBe(before.satisfied! + 1);
  expect(after.dissatisfied).toBe(before.dissatisfied);
  const staffApiSession = await apiSession('proposal.staff');
  const stated = await apiGet<Figures>(
    baseUrl(),
    staffApiSession,
    `/api/proposals/figures?sessionId=${session}`,
  );
  expect(stated.satisfactionBasis).toMatchObject({ code: 'lead', unit: '件' });
  expect(stated.totals.find((f) => f.key === 'satisfied')).toMatchObject({ unit: '件', basis: 'lead' });

  // The figures page shows the same numbers beside its charts, and a figure opens the list behind it.
  await staff.goto(`/proposals/figures?sessionId=${session}`);
  await staff.getByRole('img', { name: /^满意度（件）：满意 \d+件/ }).waitFor();
  await staff.getByRole('img', { name: /^办理情况：/ }).waitFor();
  await staff.getByRole('link', { name: new RegExp(`^满意 ${after.satisfied}件`) }).click();
  await staff.waitForURL((url) => url.searchParams.get('satisfaction') === 'satisfied');
  await staff.getByText(`共 ${after.satisfied} 件`).waitFor();
  await staff.getByRole('link', { name: title }).waitFor();
  await staff.goto(`/proposals/figures?sessionId=${session}`);
  await staff.getByRole('link', { name: `已办复 ${after.answered}件`, exact: true }).click();
  await staff.waitForURL(
    (url) => url.pathname === '/proposals' && url.searchParams.get('stage') === 'answered',
  );
  await staff.getByRole('link', { name: title }).waitFor();

  // The key proposals behind 重点提案, with their supervision, as many as the figure says.
  await staff.goto(`/proposals/figures?sessionId=${session}`);
  const keyFigure = await staff.getByRole('link', { name: /^重点提案 \d+件$/ }).getAttribute('aria-label');
  const keyCount = Number(/(\d+)件/.exec(keyFigure ?? '')![1]);
  expect(keyCount).toBeGreaterThan(0);
  const progress = staff.getByText(`重点提案督办进度（共 ${keyCount} 件）`);
  await progress.waitFor();
  const firstKey = staff.locator('.ant-card', { has: progress }).getByRole('link').first();
  const keyTitle = await firstKey.textContent();
  await firstKey.click();
  await staff.waitForURL(/\/proposals\/\d+$/);
  await staff.getByRole('heading', { name: keyTitle! }).first().waitFor();
}

interface ListPage {
  items: { id: number; title: string; state: string; version: number; category: string }[];
}

test('交办会: staff select accepted proposals in the list and assign them in one batch', async ({ page }) => {
  const staffApi = await apiSession('proposal.staff');
  const units = (
    await apiGet<{ units: { id: number; name: string }[] }>(baseUrl(), staffApi, '/api/organisation/options')
  ).units;
  const accepted = await apiGet<ListPage>(
    baseUrl(),
    staffApi,
    '/api/proposals?view=all&state=accepted&pageSize=200',
  );
  expect(accepted.items.length).toBeGreaterThanOrEqual(2);
  const picked = accepted.items.slice(0, 2);

  await signIn(page, 'proposal.staff');
  await page.goto('/proposals?state=accepted');
  for (const p of picked) await page.getByRole('checkbox', { name: `选择 ${p.title}` }).check();
  await page.getByRole('button', { name: '批量交办（2）' }).click();
  const dialog = page.getByRole('dialog', { name: /批量交办/ });
  for (const [i, p] of picked.entries()) {
    await choose(dialog.getByRole('combobox', { name: `${p.title} 主办单位` }), units[i]!.name);
  }
  await pressDialogOk(dialog, '确认交办');
  await page.getByRole('main').getByRole('link', { name: picked[0]!.title }).waitFor({ state: 'detached' });

  for (const [i, p] of picked.entries()) {
    const detail = await apiGet<{ state: string; units: { unitId: number; role: string }[] }>(
      baseUrl(),
      staffApi,
      `/api/proposals/${p.id}`,
    );
    expect(detail.state).toBe('assigned');
    expect(detail.units).toEqual([expect.objectContaining({ unitId: units[i]!.id, role: 'lead' })]);
  }
});

test('立案审查会: staff pick submitted proposals in the review queue and accept them in one step', async ({
  page,
}) => {
  const staffApi = await apiSession('proposal.staff');
  const submitted = await apiGet<ListPage>(
    baseUrl(),
    staffApi,
    '/api/proposals?view=review&state=submitted&pageSize=200',
  );
  expect(submitted.items.length).toBeGreaterThanOrEqual(2);
  const picked = submitted.items.slice(0, 2);
  const recategorised = ['社会建设', '经济建设'].find((c) => c !== picked[0]!.category)!;

  await signIn(page, 'proposal.staff');
  await page.goto('/proposals/review?state=submitted');
  for (const p of picked) await page.getByRole('checkbox', { name: `选择 ${p.title}` }).check();
  await page.getByRole('button', { name: '批量立案（2）' }).click();
  const dialog = page.getByRole('dialog', { name: /批量立案/ });
  await choose(dialog.getByRole('combobox', { name: `${picked[0]!.title} 类别` }), recategorised);
  await pressDialogOk(dialog, '确定立案');
  await page.getByRole('main').getByRole('link', { name: picked[0]!.title }).waitFor({ state: 'detached' });

  const details = [];
  for (const p of picked)
    details.push(
      await apiGet<{ state: string; category: string; number: number | null }>(
        baseUrl(),
        staffApi,
        `/api/proposals/${p.id}`,
      ),
    );
  expect(details.map((d) => d.state)).toEqual(['accepted', 'accepted']);
  expect(details[0]!.category).toBe(recategorised);
  expect(details[1]!.category).toBe(picked[1]!.category);
  expect(details.every((d) => d.number !== null)).toBe(true);
});

/** Proposal staff open the first proposal under review and click `command`; returns its dialog. */
async function openOnReviewingProposal(page: Page, command: '立案' | '不予立案') {
  const staffApi = await apiSession('proposal.staff');
  const queue = await apiGet<ListPage>(
    baseUrl(),
    staffApi,
    '/api/proposals?view=review&state=reviewing&pageSize=1',
  );
  const target = queue.items[0]!;
  expect(target).toBeDefined();
  await signIn(page, 'proposal.staff');
  await page.goto(`/proposals/${target.id}`);
  await page.getByRole('button', { name: command, exact: true }).click();
  return { staffApi, target, dialog: page.getByRole('dialog', { name: command }) };
}

test('a command on a proposal someone else just changed is refused with a clear conflict message', async ({
  page,
}) => {
  const { staffApi, target, dialog } = await openOnReviewingProposal(page, '立案');
  await dialog.waitFor();

  // Meanwhile a colleague returns the proposal to its author.
  const res = await fetch(`${baseUrl()}/api/proposals/${target.id}/return`, {
    method: 'POST',
    headers: {
      cookie: staffApi.cookie,
      'x-csrf-token': staffApi.csrfToken,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ comment: '请补充具体建议', version: target.version }),
  });
  expect(res.status).toBe(200);

  await dialog.getByRole('button', { name: '确定立案' }).click();
  await dialog
    .getByRole('alert')
    .getByText(/刚被他人处理/)
    .waitFor();
  const after = await apiGet<{ state: string; number: number | null }>(
    baseUrl(),
    staffApi,
    `/api/proposals/${target.id}`,
  );
  expect(after.state).toBe('returned');
  expect(after.number).toBeNull();
});

test('不予立案 needs a ground and a reason, changes nothing without them, then shows the ground on the proposal', async ({
  page,
}) => {
  const { staffApi, target, dialog } = await openOnReviewingProposal(page, '不予立案');
  await dialog.getByRole('button', { name: '确定不予立案' }).click();
  await dialog.getByText('请选择不予立案理由').waitFor();
  await dialog.getByText('请填写不予立案说明').waitFor();
  expect((await apiGet<{ state: string }>(baseUrl(), staffApi, `/api/proposals/${target.id}`)).state).toBe(
    'reviewing',
  );

  await choose(dialog.getByLabel('不予立案理由'), '内容空泛、没有具体建议');
  await dialog.getByLabel('说明').fill('提案仅提出问题，未提出可操作的具体建议。');
  await dialog
    .getByRole('radiogroup', { name: '处理方式' })
    .getByRole('radio', { name: '转为社情民意信息' })
    .check();
  await pressDialogOk(dialog, '确定不予立案');
  await page.getByRole('main').getByText('不予立案：内容空泛、没有具体建议').waitFor();
  const after = await apiGet<{ state: string; rejection: { disposition: string } }>(
    baseUrl(),
    staffApi,
    `/api/proposals/${target.id}`,
  );
  expect(after.state).toBe('rejected');
  expect(after.rejection.disposition).toBe('convertToOpinion');
});
