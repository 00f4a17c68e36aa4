import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Flex, Form, Input, Result, Select, Skeleton, Space } from 'antd';
import { createProposalBody, proposalTitleMax } from '@cppcc/shared';
import {
  postProposalCommand,
  useProposalFormOptions,
  useProposal,
  useSaveProposal,
  type ProposalDetail,
} from '../../api/proposals';
import { toSelectOptions } from '../../api/resources';
import { zodRule } from '../../components/zodForm';
import { useDraftForm } from '../../components/useDraftForm';
import { useCurrentUser } from '../../hooks/useCurrentUser';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { FormCard } from '../../components/FormCard';
import { MemberMultiSelect, type MemberOption } from '../../components/MemberMultiSelect';
import { SimilarHint } from '../search/SimilarHint';

interface Values {
  title?: string;
  category?: string;
  content?: string;
  suggestedUnitIds?: number[];
  coProposerMemberIds?: number[];
  organisationProposerId?: number;
  attachmentIds?: number[];
}

const labels = { title: '案由（标题）', category: '类别', content: '提案内容' };

/** Write a new proposal or edit a draft / a proposal returned for revision. Works at phone width. */
export default function ProposalEditPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const existing = useProposal(id);
  if (id !== null && existing.isPending) return <Skeleton active />;
  if (id !== null && !existing.data) return <Result status="404" title="提案不存在或无权查看" />;
  if (existing.data && !existing.data.policies.canUpdate) {
    return (
      <Result status="warning" title="该提案当前不能修改" subTitle={`状态：${existing.data.stateLabel}`} />
    );
  }
  return <ProposalForm key={id ?? 'new'} existing={existing.data ?? null} />;
}

function ProposalForm({ existing }: { existing: ProposalDetail | null }) {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const { modal } = App.useApp();
  const formOptions = useProposalFormOptions();
  const save = useSaveProposal();
  const limit = formOptions.data?.contentLimit ?? 3000;
  const coIds = Form.useWatch('coProposerMemberIds', form) ?? [];
  const orgId = Form.useWatch('organisationProposerId', form);
  const title = Form.useWatch('title', form);
  const content = Form.useWatch('content', form);
  const initialMembers: MemberOption[] = useMemo(
    () =>
      (existing?.proposers ?? [])
        .filter((p) => p.role === 'co')
        .map((p) => ({ id: p.memberId, name: p.name })),
    [existing],
  );
  // Only the organisations this member convenes (党派团体、专委会、界别、小组).
  const myOrganisations = formOptions.data?.organisationProposers ?? [];

  // The page renders only once the record is loaded, so the form starts from it.
  const initialValues: Values = existing
    ? {
        title: existing.title,
        category: existing.category,
        content: existing.content,
        suggestedUnitIds: existing.suggestedUnits.map((u) => u.id),
        attachmentIds: existing.attachmentIds,
        coProposerMemberIds: existing.proposers
          .filter((p) => p.role === 'co' && p.status !== 'expired')
          .map((p) => p.memberId),
      }
    : { suggestedUnitIds: [], coProposerMemberIds: [], attachmentIds: [] };

  const contentRule = {
    validator: async (_: unknown, value: string | undefined) => {
      if (value && value.trim().length > limit)
        throw new Error(`提案内容不超过 ${limit} 个字（当前 ${value.trim().length} 个字）`);
    },
  };

  const draft = useDraftForm({
    form,
    detailPath: (id) => `/proposals/${id}`,
    save: (values: Values) => {
      const body = {
        title: values.title?.trim(),
        category: values.category,
        content: values.content?.trim(),
        suggestedUnitIds: values.suggestedUnitIds ?? [],
        coProposerMemberIds: values.organisationProposerId ? [] : (values.coProposerMemberIds ?? []),
        attachmentIds: values.attachmentIds ?? [],
        ...(existing
          ? { version: existing.version }
          : values.organisationProposerId
            ? { organisationProposerId: values.organisationProposerId }
            : {}),
      };
      return save.mutateAsync({ id: existing?.id, body });
    },
  });
  const { busy, problem, onSaveDraft } = draft;

  /** Joint proposals first invite the co-proposers; a proposal without them is submitted at once. */
  function onSubmit() {
    const joint = coIds.length > 0 && !orgId;
    const uninvited = existing
      ? coIds.some((m) => !existing.proposers.some((p) => p.memberId === m && p.invitedAt))
      : joint;
    modal.confirm({
      title: uninvited ? '发起联名邀请' : '提交提案',
      content: uninvited
        ? `将保存提案并邀请 ${coIds.length} 位委员联名。他们确认附议后，您再提交提案。`
        : '提交后由提案委员会审查，审查开始前可以撤回（撤案）。确定提交吗？',
      okText: uninvited ? '保存并邀请' : '确定提交',
      cancelText: '取消',
      onOk: () =>
        draft.saveThen(
          async (saved) => {
            if (uninvited && !saved.policies.canRequestCosign) return '当前状态不能发起联名';
            const body = { version: saved.version };
            await postProposalCommand(
              saved.id,
              uninvited ? { command: 'requestCosign', body } : { command: 'submit', body },
            );
          },
          uninvited ? '已发出联名邀请' : '提案已提交',
        ),
    });
  }

  if (formOptions.isPending) return <Skeleton active />;

  return (
    <FormCard title={existing ? '修改提案' : '写提案'}>
      {existing?.returnComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="提案委员会退回修改意见"
          description={existing.returnComment}
        />
      )}
      <Form form={form} layout="vertical" requiredMark initialValues={initialValues}>
        <Form.Item
          name="title"
          label="案由（标题）"
          required
          rules={[zodRule(createProposalBody, 'title', labels.title)]}
          extra="一事一案，标题简明扼要"
        >
          <Input count={{ show: true, max: proposalTitleMax }} placeholder="关于……的提案" />
        </Form.Item>
        <Form.Item name="category" label="类别" required rules={[{ required: true, message: '请选择类别' }]}>
          <Select
            placeholder="请选择"
            showSearch={{ optionFilterProp: 'label' }}
            options={(formOptions.data?.categories ?? []).map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
        {!existing && myOrganisations.length > 0 && (
          <Form.Item
            name="organisationProposerId"
            label="以组织名义提出"
            extra="党派团体、专委会，或大会期间的界别、小组；只有召集人可以以其名义提出，不征集联名"
          >
            <Select allowClear placeholder="以个人名义提出" options={toSelectOptions(myOrganisations)} />
          </Form.Item>
        )}
        <Form.Item
          name="content"
          label="提案内容"
          required
          rules={[zodRule(createProposalBody, 'content', labels.content), contentRule]}
          extra="写明情况、分析和具体建议"
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} count={{ show: true, max: limit }} />
        </Form.Item>
        <SimilarHint title={title} content={content} kinds={['proposal', 'opinion']} />
        <Form.Item
          name="suggestedUnitIds"
          label="建议承办单位"
          extra={formOptions.data?.units?.length ? undefined : '暂无可选的承办单位，可不填，由提案委员会确定'}
        >
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="可多选"
            options={toSelectOptions(formOptions.data?.units)}
            disabled={!formOptions.data?.units?.length}
          />
        </Form.Item>
        {!orgId && (
          <Form.Item
            name="coProposerMemberIds"
            label="联名提案人"
            extra="输入委员姓名搜索；联名人在截止前确认附议"
          >
            <MemberMultiSelect excludeId={user.memberId} initial={initialMembers} />
          </Form.Item>
        )}
        <Form.Item name="attachmentIds" label="附件" extra="PDF、Word、Excel、图片或文本文件">
          <AttachmentUpload />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 16 }} />}
        <Flex gap={8} wrap>
          <Button onClick={onSaveDraft} loading={busy}>
            保存草稿
          </Button>
          <Button type="primary" onClick={onSubmit} loading={busy}>
            {coIds.length > 0 && !orgId ? '保存并邀请联名' : '提交提案'}
          </Button>
          <Space />
          <Button type="link" onClick={() => navigate(-1)}>
            返回
          </Button>
        </Flex>
      </Form>
    </FormCard>
  );
}
