import { useState } from 'react';
import { Alert, Button, Flex, Modal, Segmented, Space, Table, Tag, Typography, Upload } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { memberImportActionLabels, memberImportMaxBytes, type MemberImportPlanRow } from '@cppcc/shared';
import {
  downloadMemberImportTemplate,
  importRowIssues,
  previewMemberImport,
  useMemberImport,
  type ImportRowIssue,
  type MemberImportPlan,
} from '../../api/members';
import { showError, showSuccess } from '../../app/notifier';
import { useCurrentUser } from '../../hooks/useCurrentUser';

const actionColors = { new: 'green', changed: 'blue', unchanged: undefined } as const;

/**
 * 下载模板 + 导入: an .xlsx roster is previewed first — each row new, changed (members matched by phone,
 * each change shown) or unchanged — and written only when the user confirms; a refused file shows its
 * row-by-row report.
 */
export function MemberImportButtons() {
  const user = useCurrentUser();
  const importRoster = useMemberImport();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<{ message: string; rows: ImportRowIssue[] } | null>(null);
  const [pending, setPending] = useState<{ file: File; plan: MemberImportPlan } | null>(null);
  const [shown, setShown] = useState<'all' | 'differ'>('differ');

  if (user.abilities['member.import'] !== true) return null;

  async function template() {
    try {
      await downloadMemberImportTemplate();
    } catch (error) {
      showError(error instanceof Error ? error.message : '下载失败');
    }
  }

  function refused(error: unknown, fallback: string) {
    const rows = importRowIssues(error);
    if (rows && error instanceof Error) setReport({ message: error.message, rows });
    else showError(error instanceof Error ? error.message : fallback);
  }

  async function preview(file: File) {
    setBusy(true);
    try {
      const plan = await previewMemberImport(file);
      setShown(plan.counts.created + plan.counts.updated > 0 ? 'differ' : 'all');
      setPending({ file, plan });
    } catch (error) {
      refused(error, '读取失败');
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    try {
      const result = await importRoster(pending.file);
      setPending(null);
      showSuccess(
        `导入完成：新增 ${result.created} 名，更新 ${result.updated} 名，${result.unchanged} 名无变化`,
      );
    } catch (error) {
      setPending(null);
      refused(error, '导入失败');
    } finally {
      setBusy(false);
    }
  }

  const counts = pending?.plan.counts;
  const rows = (pending?.plan.rows ?? []).filter((r) => shown === 'all' || r.action !== 'unchanged');
  const writes = counts ? counts.created + counts.updated : 0;

  return (
    <Space wrap>
      <Button icon={<FileExcelOutlined />} onClick={template}>
        下载模板
      </Button>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        beforeUpload={(file) => {
          // Said before sending: a browser may show a dropped connection instead of the server's 413.
          if (file.size > memberImportMaxBytes)
            showError(`文件不能超过 ${memberImportMaxBytes / 1024 / 1024} MB，请分批导入`);
          else void preview(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy && !pending}>
          导入
        </Button>
      </Upload>
      <Modal
        title="导入预览"
        open={!!pending}
        width={820}
        onCancel={() => setPending(null)}
        footer={
          <Flex justify="end" gap={8}>
            <Button onClick={() => setPending(null)}>取消</Button>
            <Button type="primary" disabled={writes === 0} loading={busy} onClick={() => void confirm()}>
              确认导入
            </Button>
          </Flex>
        }
      >
        {counts && (
          <Alert
            type={writes === 0 ? 'info' : 'warning'}
            showIcon
            title={`“${pending?.file.name}”共 ${counts.created + counts.updated + counts.unchanged} 行：新增 ${counts.created} 名，更新 ${counts.updated} 名，${counts.unchanged} 名无变化`}
            description={
              writes === 0
                ? '名单与系统中的委员一致，无需导入。'
                : '已有委员按手机号匹配；表中留空的单元格不会清除委员原有信息。确认后一次写入，或全部不写入。'
            }
            style={{ marginBottom: 12 }}
          />
        )}
        <Segmented
          aria-label="显示的行"
          value={shown}
          onChange={(v) => setShown(v as 'all' | 'differ')}
          options={[
            { value: 'differ', label: '新增和更新' },
            { value: 'all', label: '全部' },
          ]}
          style={{ marginBottom: 12 }}
        />
        <Table<MemberImportPlanRow>
          rowKey="row"
          size="small"
          dataSource={rows}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: '行号', dataIndex: 'row', key: 'row', width: 70 },
            { title: '姓名', dataIndex: 'name', key: 'name', width: 100 },
            { title: '手机', dataIndex: 'phone', key: 'phone', width: 130 },
            {
              title: '操作',
              dataIndex: 'action',
              key: 'action',
              width: 90,
              render: (a: MemberImportPlanRow['action']) => (
                <Tag color={actionColors[a]}>{memberImportActionLabels[a]}</Tag>
              ),
            },
            {
              title: '改动',
              key: 'changes',
              render: (_, r) =>
                r.changes.length === 0 ? (
                  <Typography.Text type="secondary">—</Typography.Text>
                ) : (
                  <Flex vertical gap={2}>
                    {r.changes.map((c) => (
                      <span key={c.field}>
                        {c.field}：{c.from || '（空）'} → {c.to || '（空）'}
                      </span>
                    ))}
                  </Flex>
                ),
            },
          ]}
        />
      </Modal>
      <Modal
        title="导入失败"
        open={!!report}
        width={720}
        onCancel={() => setReport(null)}
        footer={
          <Button type="primary" onClick={() => setReport(null)}>
            知道了
          </Button>
        }
      >
        <Alert
          type="error"
          showIcon
          title={report?.message}
          description="请按下表修改后重新导入。"
          style={{ marginBottom: 16 }}
        />
        <Table<ImportRowIssue>
          rowKey={(r) => `${r.row}-${r.column ?? ''}-${r.message}`}
          size="small"
          dataSource={report?.rows ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          columns={[
            { title: '行号', dataIndex: 'row', key: 'row', width: 80 },
            { title: '列', dataIndex: 'column', key: 'column', width: 140, render: (c) => c ?? '' },
            { title: '问题', dataIndex: 'message', key: 'message' },
          ]}
        />
      </Modal>
    </Space>
  );
}
