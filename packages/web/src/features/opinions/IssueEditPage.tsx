import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Flex, Form, Result, Select, Skeleton, Switch } from 'antd';
import { createIssueBody } from '@cppcc/shared';
import { useIssue, useOpinionFormOptions, useSaveIssue, type OpinionIssueDto } from '../../api/opinions';
import { showSuccess } from '../../app/notifier';
import { errorText } from '../../components/CommandModal';
import { FormCard } from '../../components/FormCard';
import { applyServerErrors, validateBody, zodRule } from '../../components/zodForm';
import { useSimilarToRecords } from '../../api/search';
import { OpinionPicker } from './OpinionPicker';

interface Values {
  series?: string;
  articleIds?: number[];
  reportTo?: string[];
  copyTo?: string[];
  reportToParent?: boolean;
}

const labels = { series: '刊物', articleIds: '信息', reportTo: '报送单位', copyTo: '抄送单位' };

/** 编辑新一期 (or an issue still being compiled): the series, the adopted articles, the recipients. */
export default function IssueEditPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : null;
  const existing = useIssue(id);
  if (id !== null && existing.isPending) return <Skeleton active />;
  if (id !== null && !existing.data) return <Result status="404" title="期刊不存在或无权查看" />;
  if (existing.data && !existing.data.policies.canUpdate)
    return <Result status="warning" title="该期已印发，不能修改" />;
  return <IssueForm key={id ?? 'new'} existing={existing.data ?? null} />;
}

function IssueForm({ existing }: { existing: OpinionIssueDto | null }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const formOptions = useOpinionFormOptions();
  const save = useSaveIssue();
  const [problem, setProblem] = useState<string | null>(null);
  const parentName = formOptions.data?.parentCommitteeName;

  async function submit() {
    setProblem(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const fields = {
      articleIds: values.articleIds ?? [],
      reportTo: values.reportTo ?? [],
      copyTo: values.copyTo ?? [],
      reportToParent: !!values.reportToParent,
    };
    const body = existing ? { ...fields, version: existing.version } : { series: values.series, ...fields };
    if (!existing && !validateBody(form, createIssueBody, body, labels)) return;
    try {
      const saved = await save.mutateAsync({ id: existing?.id, body });
      showSuccess(existing ? '已保存' : `已编辑${saved.label}`);
      navigate(`/opinions/issues/${saved.id}`, { replace: true });
    } catch (error) {
      if (!applyServerErrors(form, error)) setProblem(errorText(error));
    }
  }

  if (formOptions.isPending) return <Skeleton active />;
  const initialValues: Values = existing
    ? {
        series: existing.series,
        articleIds: existing.articles.map((a) => a.id),
        reportTo: existing.reportTo,
        copyTo: existing.copyTo,
        reportToParent: existing.reportToParent,
      }
    : {
        series: formOptions.data?.series[0],
        articleIds: [],
        reportTo: [],
        copyTo: [],
        reportToParent: false,
      };

  return (
    <FormCard title={existing ? `修改${existing.label}` : '编辑新一期'}>
      <Form form={form} layout="vertical" initialValues={initialValues}>
        <Form.Item
          name="series"
          label="刊物"
          required
          rules={[zodRule(createIssueBody, 'series', '刊物', undefined, '请选择刊物')]}
          extra={existing ? undefined : '期号按刊物和年度自动编排'}
        >
          <Select
            disabled={!!existing}
            options={(formOptions.data?.series ?? []).map((s) => ({ value: s, label: `《${s}》` }))}
          />
        </Form.Item>
        <Form.Item
          name="articleIds"
          label="本期信息"
          required
          rules={[zodRule(createIssueBody, 'articleIds', '信息')]}
          extra="已采用的信息，按选择顺序编排"
        >
          <OpinionPicker
            params={{ view: 'all', state: 'adopted' }}
            initial={existing?.articles ?? []}
            placeholder="输入标题搜索已采用的信息"
            emptyText="没有已采用的信息"
          />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.articleIds !== b.articleIds}>
          {() => <IssueDuplicateCheck articleIds={form.getFieldValue('articleIds') ?? []} />}
        </Form.Item>
        <Form.Item name="reportTo" label="报送" rules={[zodRule(createIssueBody, 'reportTo', '报送单位')]}>
          <Select mode="tags" placeholder="输入后回车，如：市委、市政府领导" open={false} />
        </Form.Item>
        <Form.Item name="copyTo" label="抄送" rules={[zodRule(createIssueBody, 'copyTo', '抄送单位')]}>
          <Select mode="tags" placeholder="输入后回车，如：有关部门" open={false} />
        </Form.Item>
        {parentName && (
          <Form.Item
            name="reportToParent"
            label={`同时报送${parentName}`}
            valuePropName="checked"
            extra="印发时本期所收信息一并报送上级政协"
          >
            <Switch />
          </Form.Item>
        )}
        {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 16 }} />}
        <Flex gap={8} wrap>
          <Button type="primary" onClick={submit} loading={save.isPending}>
            保存
          </Button>
          <Button type="link" onClick={() => navigate(-1)}>
            返回
          </Button>
        </Flex>
      </Form>
    </FormCard>
  );
}

/**
 * The duplicate check of an issue being compiled: articles of the issue that are likely the same matter
 * as another of the issue, or as an opinion or proposal of this or an earlier year.
 */
function IssueDuplicateCheck({ articleIds }: { articleIds: number[] }) {
  const results = useSimilarToRecords('opinion', articleIds);
  const inIssue = new Set(articleIds);
  const seen = new Set<string>();
  const findings: { key: string; text: string }[] = [];
  results.forEach((r, i) => {
    for (const item of r.data?.items ?? []) {
      if (!item.likelyDuplicate) continue;
      const a = articleIds[i]!;
      const together = item.kind === 'opinion' && inIssue.has(item.id);
      const key = together ? [a, item.id].sort().join('-') : `${a}-${item.kind}${item.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const percent = item.exact ? '完全相同' : `相似度 ${Math.round(item.score * 100)}%`;
      findings.push({
        key,
        text: together
          ? `本期第 ${articleIds.indexOf(a) + 1} 篇与第 ${articleIds.indexOf(item.id) + 1} 篇「${item.title}」疑似重复（${percent}）`
          : `本期第 ${articleIds.indexOf(a) + 1} 篇与${item.year ?? ''}年${item.kindLabel}「${item.title}」相近（${percent}，${item.outcome || item.stateLabel}）`,
      });
    }
  });
  if (findings.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      role="status"
      style={{ marginBottom: 16 }}
      title={`查重：${findings.length} 处内容相近，请核实是否重复编发`}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {findings.map((f) => (
            <li key={f.key}>{f.text}</li>
          ))}
        </ul>
      }
    />
  );
}
