import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Button, DatePicker, Form, Modal, Select, Tag, Typography, type SelectProps } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useBatchAssign, type ProposalListItem } from '../../api/proposals';
import { toSelectOptions, useOrganisationOptions } from '../../api/resources';
import { useAssignmentHints } from '../../api/search';
import { showSuccess } from '../../app/notifier';
import { holds, useCurrentUser } from '../../hooks/useCurrentUser';
import { errorText } from '../../components/CommandModal';
import { ProposalList } from './ProposalList';
import { useListSelection } from './useListSelection';
import { suggestedLead } from './AssignmentHints';
import { BatchTable } from './BatchReview';

interface Row {
  id: number;
  title: string;
  numberLabel: string;
  version: number;
  leadUnitId?: number;
  /** Where a lead unit filled in beforehand came from (提案人建议 / 系统建议 62%). */
  leadSource?: string;
  coUnitIds: number[];
}

/** 提案工作: every proposal of the committee past the draft stage, with 交办会 batch assignment. */
export default function StaffProposalsPage() {
  const user = useCurrentUser();
  const isStaff = holds(user.abilities, 'proposals.review');
  const { available, selection, picked, clear } = useListSelection((r) => r.state === 'accepted');
  const [open, setOpen] = useState(false);

  return (
    <>
      <ProposalList
        title="全部提案"
        view="all"
        showUnitFilter
        showExport
        extra={
          <>
            <Link to="/proposals/review">
              <Button>审查队列</Button>
            </Link>
            <Link to="/proposals/figures">
              <Button>统计</Button>
            </Link>
            {isStaff && (
              <Link to="/proposals/followups">
                <Button>回头看</Button>
              </Link>
            )}
            {isStaff && available && (
              <Button type="primary" disabled={picked.length === 0} onClick={() => setOpen(true)}>
                批量交办（{picked.length}）
              </Button>
            )}
          </>
        }
        selection={isStaff ? selection : undefined}
      />
      {open && (
        <BatchAssignModal
          proposals={picked}
          onClose={(done) => {
            setOpen(false);
            if (done) clear();
          }}
        />
      )}
    </>
  );
}

/** A column of unit pickers; each picker's label names its proposal, so the rows' pickers are told apart. */
function unitColumn(
  key: string,
  title: string,
  width: number,
  picker: (row: Row) => SelectProps<number | number[]>,
): ColumnType<Row> {
  return {
    title,
    key,
    width,
    render: (_, r) => (
      <Select
        aria-label={`${r.title} ${title}`}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: width - 10 }}
        {...picker(r)}
      />
    ),
  };
}

/** 交办会: one lead unit and any co-units per proposal, one deadline for all; all or none are assigned. */
function BatchAssignModal({
  proposals,
  onClose,
}: {
  proposals: ProposalListItem[];
  onClose: (done: boolean) => void;
}) {
  const options = useOrganisationOptions();
  const unitOptions = toSelectOptions(options.data?.units);
  const batch = useBatchAssign();
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[]>(
    proposals.map((p) => ({
      id: p.id,
      title: p.title,
      numberLabel: p.numberLabel,
      version: p.version,
      coUnitIds: [],
    })),
  );
  const patch = (id: number, next: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.id === id ? { ...r, ...next } : r)));
  // Each lead unit starts as the proposer's suggestion or the likeliest learned one, marked as such.
  const hints = useAssignmentHints(proposals.map((p) => p.id)).data?.items;
  useEffect(() => {
    if (!hints) return;
    setRows((all) =>
      all.map((r) => {
        const lead = r.leadUnitId ? undefined : suggestedLead(hints.find((h) => h.proposalId === r.id));
        return lead ? { ...r, leadUnitId: lead.id, leadSource: lead.source } : r;
      }),
    );
  }, [hints]);

  function submit() {
    setProblem(null);
    const missing = rows.find((r) => !r.leadUnitId);
    if (missing) {
      setProblem(`请为“${missing.title}”选择主办单位`);
      return;
    }
    const clash = rows.find((r) => r.coUnitIds.includes(r.leadUnitId!));
    if (clash) {
      setProblem(`“${clash.title}”的协办单位不能与主办单位相同`);
      return;
    }
    batch.mutate(
      {
        items: rows.map((r) => ({
          proposalId: r.id,
          version: r.version,
          units: [
            { unitId: r.leadUnitId!, role: 'lead' },
            ...r.coUnitIds.map((unitId) => ({ unitId, role: 'co' })),
          ],
        })),
        ...(deadline ? { deadline: deadline.format('YYYY-MM-DD') } : {}),
      },
      {
        onSuccess: (result) => {
          showSuccess(`已交办 ${result.assigned.length} 件提案`);
          onClose(true);
        },
        onError: (error) => setProblem(errorText(error)),
      },
    );
  }

  return (
    <Modal
      open
      title={`批量交办（交办会，共 ${rows.length} 件）`}
      width={900}
      onCancel={() => onClose(false)}
      onOk={submit}
      okText="确认交办"
      cancelText="取消"
      confirmLoading={batch.isPending}
    >
      <Typography.Paragraph type="secondary">
        每件提案选择一个主办单位，可另选协办单位；全部成功才会交办，任何一件有误则都不交办。
      </Typography.Paragraph>
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label="办理期限" extra="不填则按系统设置（默认交办后 3 个月）">
          <DatePicker value={deadline} onChange={setDeadline} />
        </Form.Item>
      </Form>
      <BatchTable<Row>
        rows={rows}
        columns={[
          { title: '提案号', dataIndex: 'numberLabel', width: 100 },
          { title: '案由', dataIndex: 'title', ellipsis: true },
          unitColumn('lead', '主办单位', 200, (r) => ({
            placeholder: '选择主办单位',
            options: unitOptions,
            value: r.leadUnitId,
            onChange: (v) => patch(r.id, { leadUnitId: v as number, leadSource: undefined }),
          })),
          {
            title: '来源',
            key: 'leadSource',
            width: 130,
            render: (_, r) => (r.leadSource ? <Tag color="blue">{r.leadSource}</Tag> : null),
          },
          unitColumn('co', '协办单位', 240, (r) => ({
            mode: 'multiple',
            placeholder: '可不选',
            options: unitOptions.filter((o) => o.value !== r.leadUnitId),
            value: r.coUnitIds,
            onChange: (v) => patch(r.id, { coUnitIds: v as number[] }),
          })),
        ]}
      />
      {problem && <Alert style={{ marginTop: 12 }} type="error" showIcon title={problem} role="alert" />}
    </Modal>
  );
}
