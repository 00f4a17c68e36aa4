import { useMemo } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Flex, Form, Input, Result, Select, Skeleton } from 'antd';
import { createOpinionBody, opinionTitleMax } from '@cppcc/shared';
import {
  postOpinionCommand,
  useOpinion,
  useOpinionFormOptions,
  useSaveOpinion,
  type OpinionDetail,
} from '../../api/opinions';
import { toSelectOptions } from '../../api/resources';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { FormCard } from '../../components/FormCard';
import { MemberMultiSelect, type MemberOption } from '../../components/MemberMultiSelect';
import { SimilarHint } from '../search/SimilarHint';
import { zodRule } from '../../components/zodForm';
import { useDraftForm } from '../../components/useDraftForm';
import { useCurrentUser } from '../../hooks/useCurrentUser';

interface Values {
  title?: string;
  category?: string;
  content?: string;
  coauthorMemberIds?: number[];
  organisationProposerId?: number;
  attachmentIds?: number[];
}

/** 写信息: a new opinion, or a draft / an opinion returned for revision. Works at phone width. */
export default function OpinionEditPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const existing = useOpinion(id);
  if (id !== null && existing.isPending) return <Skeleton active />;
  if (id !== null && !existing.data) return <Result status="404" title="信息不存在或无权查看" />;
  if (existing.data && !existing.data.policies.canUpdate) {
    return (
      <Result status="warning" title="该信息当前不能修改" subTitle={`状态：${existing.data.stateLabel}`} />
    );
  }
  return <OpinionForm key={id ?? 'new'} existing={existing.data ?? null} />;
}

function OpinionForm({ existing }: { existing: OpinionDetail | null }) {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const formOptions = useOpinionFormOptions();
  const save = useSaveOpinion();
  const limit = formOptions.data?.contentLimit ?? 1500;
  const orgId = Form.useWatch('organisationProposerId', form);
  const title = Form.useWatch('title', form);
  const content = Form.useWatch('content', form);
  const organisations = formOptions.data?.organisations ?? [];
  const initialMembers: MemberOption[] = useMemo(
    () => (existing?.coauthors ?? []).map((c) => ({ id: c.memberId, name: c.name })),
    [existing],
  );

  const initialValues: Values = existing
    ? {
        title: existing.title,
        category: existing.category,
        content: existing.content,
        attachmentIds: existing.attachmentIds,
        coauthorMemberIds: existing.coauthors.filter((c) => c.status !== 'declined').map((c) => c.memberId),
      }
    : { coauthorMemberIds: [], attachmentIds: [] };

  // The committee's limit (default 1500) is the server's; the schema holds only a hard ceiling.
  const contentRule = {
    validator: async (_: unknown, value: string | undefined) => {
      const length = value?.trim().length ?? 0;
      if (length > limit) throw new Error(`内容不超过 ${limit} 个字`);
    },
  };

  const draft = useDraftForm({
    form,
    detailPath: (id) => `/opinions/${id}`,
    save: (values: Values) => {
      const body = {
        title: values.title?.trim(),
        category: values.category,
        content: values.content?.trim(),
        coauthorMemberIds: values.organisationProposerId ? [] : (values.coauthorMemberIds ?? []),
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

  function onSubmit() {
    modal.confirm({
      title: '报送信息',
      content: '报送后由信息工作人员编辑处理，开始编辑前可以撤回。确定报送吗？',
      okText: '确定报送',
      cancelText: '取消',
      onOk: () =>
        draft.saveThen(async (saved) => {
          await postOpinionCommand(saved.id, { command: 'submit', body: { version: saved.version } });
        }, '信息已报送'),
    });
  }

  if (formOptions.isPending) return <Skeleton active />;

  return (
    <FormCard title={existing ? '修改信息' : '写信息'}>
      {existing?.returnComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="退回修改意见"
          description={existing.returnComment}
        />
      )}
      {existing?.sourceProposal && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`由提案转来：${existing.sourceProposal.title}`}
        />
      )}
      <Form form={form} layout="vertical" requiredMark initialValues={initialValues}>
        <Form.Item
          name="title"
          label="标题"
          required
          rules={[zodRule(createOpinionBody, 'title', '标题')]}
          extra="一事一报，标题简明扼要"
        >
          <Input count={{ show: true, max: opinionTitleMax }} placeholder="关于……的建议" />
        </Form.Item>
        <Form.Item name="category" label="类别" required rules={[{ required: true, message: '请选择类别' }]}>
          <Select
            placeholder="请选择"
            showSearch={{ optionFilterProp: 'label' }}
            options={(formOptions.data?.categories ?? []).map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
        {!existing && organisations.length > 0 && (
          <Form.Item
            name="organisationProposerId"
            label="以组织名义报送"
            extra="党派团体、专委会、界别小组；只有召集人可以以其名义报送，不邀请联名"
          >
            <Select allowClear placeholder="以个人名义报送" options={toSelectOptions(organisations)} />
          </Form.Item>
        )}
        <Form.Item
          name="content"
          label="内容"
          required
          rules={[zodRule(createOpinionBody, 'content', '内容'), contentRule]}
          extra="反映的情况、问题和具体建议"
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} count={{ show: true, max: limit }} />
        </Form.Item>
        <SimilarHint title={title} content={content} kinds={['opinion', 'proposal']} />
        {!orgId && (
          <Form.Item
            name="coauthorMemberIds"
            label="联名人"
            extra="输入委员姓名搜索；联名人确认后列为共同作者"
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
            报送
          </Button>
          <Button type="link" onClick={() => navigate(-1)}>
            返回
          </Button>
        </Flex>
      </Form>
    </FormCard>
  );
}
