import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, Input, Popconfirm, Select, Space, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  createAccountBody,
  roleLabels,
  roles,
  separatedAdminRoles,
  updateAccountBody,
  type InitialPasswordDto,
  type PendingApprovalDto,
  type Role,
} from '@cppcc/shared';
import { toSelectOptions, useOrganisationOptions } from '../../api/resources';
import { booleanFilterOptions, dateTimeText, fieldColumn, sorted } from '../../components/columns';
import { selectFilter } from '../../components/FilterBar';
import { RecordSelect } from '../../components/RecordSelect';
import { ResourcePage } from '../../components/ResourcePage';
import { SchemaFields, type ResourceField } from '../../components/resourceFields';
import { allowed } from '../../hooks/usePolicy';
import { showSuccess } from '../../app/notifier';
import { MemberSelect } from '../organisation/MemberSelect';
import { useAccountAction, useAccountApprovals, useRefreshApprovals, type Account } from '../../api/accounts';
import { isPendingApproval, showInitialPassword, showPendingApproval } from './initialPassword';

const endpoint = '/api/accounts';
const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

function statusTags(a: Account, pending: boolean) {
  return (
    <Space size={4} wrap>
      {a.disabled ? <Tag>已停用</Tag> : <Tag color="green">正常</Tag>}
      {pending && <Tag color="orange">管理员变更待审批</Tag>}
      {a.locked && <Tag color="red">已锁定</Tag>}
      {a.mustChangePassword && <Tag color="orange">待改初始密码</Tag>}
    </Space>
  );
}

export default function AccountsPage() {
  const options = useOrganisationOptions();
  const { modal } = App.useApp();
  const [busyId, setBusyId] = useState<number | null>(null);
  const reset = useAccountAction<InitialPasswordDto>('/reset-password');
  const unlock = useAccountAction<unknown>('/unlock');
  const update = useAccountAction<unknown>('');
  const approvals = useAccountApprovals('pending');
  const refreshApprovals = useRefreshApprovals();
  const pendingIds = useMemo(
    () => new Set((approvals.data?.items ?? []).map((a) => a.targetUserId)),
    [approvals.data],
  );
  /** A 202 answer: nothing changed yet, a second administrator must approve. */
  const pendingOr = (done: () => void) => (result: unknown) => {
    if (!isPendingApproval(result)) return done();
    void refreshApprovals();
    showPendingApproval(modal, result);
  };

  const columns: ColumnsType<Account> = useMemo(
    () => [
      fieldColumn<Account>('username', '用户名', sorted),
      fieldColumn<Account>('displayName', '姓名', sorted),
      fieldColumn<Account>('phone', '手机号'),
      fieldColumn<Account>('roles', '角色', {
        render: (rs: Role[]) => rs.map((r) => <Tag key={r}>{roleLabels[r] ?? r}</Tag>),
      }),
      {
        title: '关联',
        key: 'link',
        render: (_, a) =>
          [
            a.memberName && `委员：${a.memberName}`,
            a.staffName && `干部：${a.staffName}`,
            a.unitName && `单位：${a.unitName}`,
          ]
            .filter(Boolean)
            .join('；'),
      },
      { title: '状态', key: 'status', render: (_, a) => statusTags(a, pendingIds.has(a.id)) },
      fieldColumn<Account>('lastLoginAt', '最近登录', { sorted: true, render: dateTimeText }),
    ],
    [pendingIds],
  );

  function rowActions(a: Account) {
    const busy = busyId === a.id;
    const run = <T,>(
      mutation: {
        mutate: (
          v: { id: number; body?: unknown },
          o: { onSuccess: (r: T) => void; onSettled: () => void },
        ) => void;
      },
      body: unknown,
      onSuccess: (r: T) => void,
    ) => {
      setBusyId(a.id);
      mutation.mutate({ id: a.id, body }, { onSuccess, onSettled: () => setBusyId(null) });
    };
    return (
      <>
        {allowed(a, 'canResetPassword') && (
          <Popconfirm
            title="重置密码"
            description={`将为“${a.displayName}”生成新的初始密码，原密码立即失效。确定重置吗？`}
            okText="重置"
            cancelText="取消"
            onConfirm={() =>
              run<InitialPasswordDto | PendingApprovalDto>(reset, undefined, (r) =>
                pendingOr(() =>
                  showInitialPassword(
                    modal,
                    '密码已重置',
                    a.username,
                    (r as InitialPasswordDto).initialPassword,
                  ),
                )(r),
              )
            }
          >
            <Button type="link" size="small" loading={busy && reset.isPending}>
              重置密码
            </Button>
          </Popconfirm>
        )}
        {a.locked && allowed(a, 'canUnlock') && (
          <Popconfirm
            title={`确定解锁“${a.displayName}”吗？`}
            okText="解锁"
            cancelText="取消"
            onConfirm={() => run(unlock, undefined, () => showSuccess('已解锁'))}
          >
            <Button type="link" size="small" loading={busy && unlock.isPending}>
              解锁
            </Button>
          </Popconfirm>
        )}
        {allowed(a, 'canUpdate') &&
          (a.disabled ? (
            <Popconfirm
              title={`确定启用“${a.displayName}”吗？`}
              okText="启用"
              cancelText="取消"
              onConfirm={() =>
                run(
                  update,
                  { disabled: false },
                  pendingOr(() => showSuccess('已启用')),
                )
              }
            >
              <Button type="link" size="small">
                启用
              </Button>
            </Popconfirm>
          ) : (
            <Popconfirm
              title="停用账号"
              description={`停用后“${a.displayName}”将无法登录，已登录的会话立即失效。确定停用吗？`}
              okText="停用"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => run(update, { disabled: true }, () => showSuccess('已停用'))}
            >
              <Button type="link" size="small" danger>
                停用
              </Button>
            </Popconfirm>
          ))}
      </>
    );
  }

  return (
    <ResourcePage<Account>
      title="账号管理"
      noun="账号"
      endpoint={endpoint}
      columns={columns}
      createAbility="account.create"
      searchPlaceholder="用户名、姓名、手机号"
      exportable={false}
      filters={[
        selectFilter('role', '角色', roleOptions, 160),
        selectFilter('disabled', '停用', booleanFilterOptions, 100),
        selectFilter('locked', '锁定', booleanFilterOptions, 100),
      ]}
      rowActions={rowActions}
      defaultSort={{ sort: 'username', order: 'asc' }}
      form={{
        schema: (editing) => (editing ? updateAccountBody : createAccountBody),
        labels: { username: '用户名', displayName: '姓名', phone: '手机号', roles: '角色' },
        initialValues: { roles: [] },
        toValues: (a) => ({
          username: a.username,
          displayName: a.displayName,
          phone: a.phone ?? '',
          roles: a.roles,
          memberId: a.memberId,
          staffId: a.staffId,
          unitId: a.unitId,
          memberName: a.memberName,
          staffName: a.staffName,
        }),
        toBody: (v, editing) => {
          const body: Record<string, unknown> = {
            displayName: String(v.displayName ?? '').trim(),
            phone: typeof v.phone === 'string' && v.phone.trim() ? v.phone.trim() : null,
            roles: v.roles ?? [],
            memberId: v.memberId ?? null,
            staffId: v.staffId ?? null,
            unitId: v.unitId ?? null,
          };
          if (!editing) body.username = String(v.username ?? '').trim();
          return body;
        },
        confirm: (body, editing) => {
          const next = (body.roles as Role[] | undefined) ?? [];
          const added = next.filter((r) => separatedAdminRoles.includes(r) && !editing?.roles.includes(r));
          return added.length > 0
            ? `授予${added.map((r) => roleLabels[r]).join('、')}角色须由另一位系统管理员或安全管理员批准后才生效，确定提交审批吗？`
            : null;
        },
        onSaved: (saved, editing) => {
          if (isPendingApproval(saved)) return pendingOr(() => undefined)(saved);
          const created = saved as InitialPasswordDto | undefined;
          if (!editing && created?.initialPassword) {
            showInitialPassword(modal, '账号已创建', created.account.username, created.initialPassword);
          }
        },
        fields: ({ editing, form }) => (
          <AccountFields editing={editing} form={form} unitOptions={toSelectOptions(options.data?.units)} />
        ),
      }}
    />
  );
}

function AccountFields({
  editing,
  form,
  unitOptions,
}: {
  editing: Account | null;
  form: ReturnType<typeof Form.useForm>[0];
  unitOptions: { value: number; label: string }[];
}) {
  const selected = (Form.useWatch('roles', form) as Role[] | undefined) ?? [];
  const needsMember = selected.includes('member');
  const needsUnit = selected.includes('unitHandler') || selected.includes('unitHead');
  const needsStaff = selected.some(
    (r) => r === 'proposalStaff' || r === 'opinionStaff' || r === 'liaisonStaff',
  );
  const fields: ResourceField<Account>[] = [
    {
      name: 'username',
      label: '用户名',
      extra: editing ? '用户名创建后不能修改' : '以字母开头，3–32 位字母、数字、点、下划线或连字符',
      rules: editing ? [] : undefined,
      input: <Input disabled={!!editing} autoComplete="off" />,
    },
    { name: 'displayName', label: '姓名' },
    {
      name: 'phone',
      label: '手机号',
      extra: '可用手机号登录',
      input: <Input inputMode="numeric" maxLength={11} />,
    },
    {
      name: 'roles',
      label: '角色',
      input: (
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          options={roleOptions}
          placeholder="请选择"
        />
      ),
    },
  ];
  if (needsMember)
    fields.push({
      name: 'memberId',
      label: '对应委员',
      rules: [{ required: true, message: '委员账号须关联委员' }],
      input: <MemberSelect initialLabel={editing?.memberName} />,
    });
  if (needsStaff)
    fields.push({
      name: 'staffId',
      label: '对应工作人员',
      rules: [],
      input: (
        <RecordSelect endpoint="/api/staff" initialLabel={editing?.staffName} placeholder="输入姓名搜索" />
      ),
    });
  if (needsUnit)
    fields.push({
      name: 'unitId',
      label: '所属承办单位',
      rules: [{ required: true, message: '承办单位账号须选择单位' }],
      input: <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} placeholder="请选择" />,
    });
  return (
    <>
      <SchemaFields schema={createAccountBody} fields={fields} />
      {!editing && (
        <Alert
          type="info"
          showIcon
          title="保存后系统生成初始密码，只显示一次；用户首次登录须修改。管理员账号须另一位管理员批准后才创建，初始密码只显示给批准人。"
        />
      )}
    </>
  );
}
