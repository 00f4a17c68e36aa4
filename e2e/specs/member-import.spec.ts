import ExcelJS from 'exceljs';
import { memberImportHeaders } from '@cppcc/shared';
import { apiGet } from '../server';
import { apiSession, baseUrl, expect, pressDialogOk, signIn, test } from '../fixtures';

async function roster(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('委员');
  sheet.addRow([...memberImportHeaders]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const row = (name: string, phone: string, gender = '女') => [
  name,
  gender,
  '汉族',
  '1981-04',
  '民盟',
  '民盟',
  '',
  '',
  '',
  '区第二中学 教师',
  phone,
  '否',
  '否',
  '',
  '',
];

async function memberCount(): Promise<number> {
  const session = await apiSession('liaison.staff');
  return (await apiGet<{ total: number }>(baseUrl(), session, '/api/members?pageSize=1')).total;
}

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('a roster with a bad row is refused row by row and changes nothing; a good one is previewed and imported, then updated', async ({
  page,
}) => {
  const before = await memberCount();
  await signIn(page, 'liaison.staff');
  await page.goto('/members');
  const fileInput = page.locator('input[type=file]');
  await page.getByRole('button', { name: /导\s*入/ }).waitFor();

  // Row 2 is fine, row 3 has an unknown gender: nothing may be written.
  await fileInput.setInputFiles({
    name: '委员名单-有错.xlsx',
    mimeType: xlsxType,
    buffer: await roster([row('导入测试甲', '13700000001'), row('导入测试乙', '13700000002', '未知')]),
  });
  const dialog = page.getByRole('dialog', { name: '导入失败' });
  await dialog.waitFor();
  const problemRow = dialog.getByRole('row', { name: /性别应为“男”或“女”，不是“未知”/ });
  await problemRow.waitFor();
  expect(await problemRow.getByRole('cell').first().innerText()).toBe('3');
  expect(await dialog.getByRole('row').count()).toBe(2); // header + the one problem
  expect(await memberCount()).toBe(before);
  await dialog.getByRole('button', { name: /知道了/ }).click();
  await dialog.waitFor({ state: 'hidden' });

  await fileInput.setInputFiles({
    name: '委员名单.xlsx',
    mimeType: xlsxType,
    buffer: await roster([row('导入测试甲', '13700000001'), row('导入测试乙', '13700000002', '男')]),
  });
  const preview = page.getByRole('dialog', { name: '导入预览' });
  await preview.getByText('新增 2 名，更新 0 名，0 名无变化').waitFor();
  expect(await memberCount()).toBe(before);
  await pressDialogOk(preview, '确认导入');
  await page.getByText('导入完成：新增 2 名，更新 0 名，0 名无变化').waitFor();
  expect(await memberCount()).toBe(before + 2);

  // The office sends the list again with one member's employer changed: shown, then written.
  const changed = row('导入测试甲', '137 0000 0001');
  changed[9] = '区第二中学 副校长';
  await fileInput.setInputFiles({
    name: '委员名单-更新.xlsx',
    mimeType: xlsxType,
    buffer: await roster([changed, row('导入测试乙', '13700000002', '男')]),
  });
  await preview.getByText('新增 0 名，更新 1 名，1 名无变化').waitFor();
  await preview.getByText('工作单位及职务：区第二中学 教师 → 区第二中学 副校长').waitFor();
  await pressDialogOk(preview, '确认导入');
  await page.getByText('导入完成：新增 0 名，更新 1 名，1 名无变化').waitFor();
  expect(await memberCount()).toBe(before + 2);
  const session = await apiSession('liaison.staff');
  const found = await apiGet<{ items: { name: string; employer: string | null }[] }>(
    baseUrl(),
    session,
    `/api/members?q=${encodeURIComponent('导入测试甲')}`,
  );
  expect(found.items.map((m) => m.employer)).toEqual(['区第二中学 副校长']);
});
