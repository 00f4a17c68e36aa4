import { useState } from 'react';
import { Alert, Button, Modal, Table, Upload } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import {
  downloadMemberImportTemplate,
  importRowIssues,
  useMemberImport,
  type ImportRowIssue,
} from '../../api/members';
import { showError, showSuccess } from '../../app/notifier';
import { useCurrentUser } from '../../hooks/useCurrentUser';

/** 下载模板 + 导入: uploads an .xlsx roster; a refused file shows its row-by-row report. */
export function MemberImportButtons() {
  const user = useCurrentUser();
  const importRoster = useMemberImport();
  const [uploading, setUploading] = useState(false);
  const [report, setReport] = useState<{ message: string; rows: ImportRowIssue[] } | null>(null);

  if (user.abilities['member.import'] !== true) return null;

  async function template() {
    try {
      await downloadMemberImportTemplate();
    } catch (error) {
      showError(error instanceof Error ? error.message : '下载失败');
    }
  }

  async function upload(file: File) {
    setUploading(true);
    try {
      const result = await importRoster(file);
      showSuccess(`导入成功，共导入 ${result.created} 名委员`);
    } catch (error) {
      const rows = importRowIssues(error);
      if (rows && error instanceof Error) {
        setReport({ message: error.message, rows });
      } else {
        showError(error instanceof Error ? error.message : '导入失败');
      }
    } finally {
      setUploading(false);
    }
  }

  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={template}>
        下载模板
      </Button>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        showUploadList={false}
        beforeUpload={(file) => {
          void upload(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={uploading}>
          导入
        </Button>
      </Upload>
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
    </>
  );
}
