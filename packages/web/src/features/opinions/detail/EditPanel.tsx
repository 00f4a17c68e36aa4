import { useState } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Segmented, Select, Typography } from 'antd';
import { opinionTitleMax, saveEditBody } from '@cppcc/shared';
import { useOpinionCommand, useOpinionFormOptions, type OpinionDetail } from '../../../api/opinions';
import { showSuccess } from '../../../app/notifier';
import { errorText } from '../../../components/CommandModal';
import { dateTimeText } from '../../../components/columns';
import { applyServerErrors, zodRule } from '../../../components/zodForm';
import { TextDiffView } from './TextDiffView';

interface Values {
  title: string;
  content: string;
  note?: string;
}

/**
 * 编辑: the staff's edit for publication. The submitted text stays as it was; every save is a new version,
 * and the diff shows what the edit changed.
 */
export function EditPanel({ opinion: o }: { opinion: OpinionDetail }) {
  const [form] = Form.useForm<Values>();
  const command = useOpinionCommand(o.id);
  const formOptions = useOpinionFormOptions();
  const [problem, setProblem] = useState<string | null>(null);
  const limit = formOptions.data?.contentLimit ?? 1500;
  const current = o.edited ?? { title: o.title, content: o.content };
  const typedTitle = Form.useWatch('title', form);
  const typedContent = Form.useWatch('content', form);
  const draft = { title: typedTitle ?? current.title, content: typedContent ?? current.content };
  const dirty = draft.title !== current.title || draft.content !== current.content;

  async function save() {
    setProblem(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      await command.mutateAsync({
        command: 'saveEdit',
        body: {
          title: values.title.trim(),
          content: values.content.trim(),
          note: values.note?.trim() || undefined,
          version: o.version,
        },
      });
      form.setFieldValue('note', undefined);
      showSuccess('编辑稿已保存');
    } catch (error) {
      if (!applyServerErrors(form, error)) setProblem(errorText(error));
    }
  }

  return (
    <Card
      title="编辑稿"
      size="small"
      extra={<Typography.Text type="secondary">原文保留不变</Typography.Text>}
    >
      <Form form={form} layout="vertical" initialValues={current} key={o.version}>
        <Form.Item name="title" label="标题" required rules={[zodRule(saveEditBody, 'title', '标题')]}>
          <Input count={{ show: true, max: opinionTitleMax }} />
        </Form.Item>
        <Form.Item
          name="content"
          label="编辑稿"
          required
          rules={[
            zodRule(saveEditBody, 'content', '编辑稿'),
            {
              validator: async (_, v: string | undefined) => {
                if ((v?.trim().length ?? 0) > limit) throw new Error(`编辑稿不超过 ${limit} 个字`);
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 30 }} count={{ show: true, max: limit }} />
        </Form.Item>
        <Form.Item name="note" label="编辑说明" rules={[zodRule(saveEditBody, 'note', '编辑说明')]}>
          <Input placeholder="可不填" />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginBottom: 12 }} />}
        <Flex gap={8} wrap>
          <Button type="primary" onClick={save} loading={command.isPending}>
            保存编辑稿
          </Button>
          <Button disabled={!dirty} onClick={() => form.resetFields()}>
            放弃修改
          </Button>
        </Flex>
      </Form>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        与原文对照
      </Typography.Title>
      <TextDiffView
        before={{ title: o.title, content: o.content }}
        after={draft}
        beforeLabel="原文"
        afterLabel={dirty ? '编辑稿（未保存）' : '编辑稿'}
      />
    </Card>
  );
}

/** The saved versions; version 0 is the submitted text. Any version may be compared with another. */
export function VersionsCard({ opinion: o }: { opinion: OpinionDetail }) {
  const versions = o.versions;
  const last = versions.at(-1)?.number ?? 0;
  const [from, setFrom] = useState(0);
  const [to, setTo] = useState(last);
  if (versions.length < 2) return null;
  const pick = (n: number) => versions.find((v) => v.number === n) ?? versions[0]!;
  const label = (n: number) => (n === 0 ? '原文' : `第 ${n} 稿`);
  const choices = versions.map((v) => ({ value: v.number, label: label(v.number) }));
  const a = pick(from);
  const b = pick(Math.min(to, last));
  return (
    <Card title="历次编辑稿" size="small">
      <Flex vertical gap={8}>
        <Segmented
          value={b.number}
          onChange={(v) => setTo(Number(v))}
          options={choices.filter((c) => c.value !== 0)}
        />
        <Typography.Text type="secondary">
          {label(b.number)}：{b.editorName} {dateTimeText(b.createdAt)}
          {b.note ? `，${b.note}` : ''}
        </Typography.Text>
        {/* With a single edit the comparison with the submitted text is already on the page. */}
        {versions.length > 2 && (
          <>
            <Flex gap={8} align="center" wrap>
              对照
              <Select
                aria-label="对照的稿"
                value={a.number}
                onChange={setFrom}
                options={choices}
                style={{ width: 120 }}
              />
            </Flex>
            <TextDiffView before={a} after={b} beforeLabel={label(a.number)} afterLabel={label(b.number)} />
          </>
        )}
      </Flex>
    </Card>
  );
}
