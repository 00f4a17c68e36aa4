import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import {
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Switch,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import {
  followupImplementationLabels,
  rejectionDispositionLabels,
  relevanceLabels,
  satisfactionLabels,
  supervisionLogKindLabels,
} from '@cppcc/shared';
import {
  proposalDocuments,
  useProposalFormOptions,
  useProposalCommand,
  useProposalList,
  useSupervisorCandidates,
  type ProposalDetail,
} from '../../api/proposals';
import { toSelectOptions } from '../../api/resources';
import { showError, showSuccess } from '../../app/notifier';
import { useCurrentUser } from '../../hooks/useCurrentUser';
import { usePolicy } from '../../hooks/usePolicy';
import { AttachmentUpload } from './AttachmentUpload';
import { CommandModal, DownloadButton, errorText, required, TextField } from './common';

type ModalKey =
  | 'requestCosign'
  | 'withdraw'
  | 'accept'
  | 'reject'
  | 'merge'
  | 'return'
  | 'assign'
  | 'decline'
  | 'extend'
  | 'unitOpinion'
  | 'answer'
  | 'headReturn'
  | 'reviewAnswer'
  | 'rate'
  | 'close'
  | 'key'
  | 'excellent'
  | 'approveKey'
  | 'approveExcellent'
  | 'supervision'
  | 'evaluate'
  | 'followup'
  | 'followupReport';

const options = <T extends string>(labels: Record<T, string>) =>
  (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
const isoDay = (d: unknown) => (dayjs.isDayjs(d) ? (d as Dayjs).format('YYYY-MM-DD') : undefined);
const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/**
 * The buttons of every command the viewer may run now (the record's `policies`), each with its modal.
 * Unit buttons are further narrowed to the step the viewer's own unit is at.
 */
export function ProposalActions({ proposal: p }: { proposal: ProposalDetail }) {
  const can = usePolicy(p);
  const user = useCurrentUser();
  const navigate = useNavigate();
  const command = useProposalCommand(p.id);
  const formOptions = useProposalFormOptions();
  const [open, setOpen] = useState<ModalKey | null>(null);
  const supervisors = useSupervisorCandidates(open === 'key');
  const { modal } = App.useApp();
  const close = () => setOpen(null);

  const run = (path: string, success: string) => async (body: unknown) => {
    await command.mutateAsync({ path, body });
    showSuccess(success);
  };
  /** A command without a form: confirm, then run; failures (409 …) are shown as a message. */
  const confirmRun = (
    title: string,
    content: string,
    path: string,
    body: unknown,
    success: string,
    danger = false,
  ) =>
    modal.confirm({
      title,
      content,
      okText: '确定',
      cancelText: '取消',
      okButtonProps: { danger },
      onOk: async () => {
        try {
          await command.mutateAsync({ path, body });
          showSuccess(success);
        } catch (error) {
          showError(errorText(error));
        }
      },
    });

  const round = p.rehandleCount + 1;
  const mySlot = user.unitId !== null ? p.units.find((u) => u.unitId === user.unitId && u.active) : undefined;
  const myAnswer = mySlot
    ? p.answers.find((a) => a.unitId === mySlot.unitId && a.round === round)
    : undefined;
  const answering = mySlot && mySlot.role !== 'co' && mySlot.status !== 'assigned';
  const sentAnswers = p.answers.filter((a) => a.state === 'sent' && a.round === round);
  const myRatedAnswerIds = new Set(
    p.ratings.filter((r) => r.memberId === user.memberId).map((r) => r.answerId),
  );
  const toRate = p.answers.filter(
    (a) => a.state === 'approved' && a.round === round && !myRatedAnswerIds.has(a.id),
  );
  const answerCategoryOptions = (formOptions.data?.answerCategories ?? []).map((c) => ({
    value: c.code,
    label: `${c.code} 类（${c.label}）`,
  }));
  const categoryOptions = (formOptions.data?.categories ?? []).map((c) => ({ value: c, label: c }));
  const unitOptions = toSelectOptions(formOptions.data?.units);
  const activeUnits = p.units.filter((u) => u.active);
  const myEvaluated = p.evaluations.some((e) =>
    mySlot ? e.direction === 'unitToProposal' && e.unitId === mySlot.unitId : e.memberId === user.memberId,
  );
  const followupAnswers = p.answers.filter(
    (a) =>
      a.state === 'approved' &&
      a.category !== 'A' &&
      !p.followups.some((f) => f.answerId === a.id && f.status === 'requested'),
  );
  const myFollowups = p.followups.filter((f) => f.status === 'requested' && f.unitId === user.unitId);
  const version = p.version;

  const buttons: ReactNode[] = [];
  const add = (
    key: string,
    label: string,
    onClick: () => void,
    type: 'primary' | 'default' = 'default',
    danger = false,
  ) =>
    buttons.push(
      <Button key={key} type={type} danger={danger} onClick={onClick}>
        {label}
      </Button>,
    );

  // Proposer
  if (can('update')) add('edit', '修改', () => navigate(`/proposals/${p.id}/edit`));
  if (
    can('requestCosign') &&
    p.proposers.some((x) => x.role === 'co' && x.status === 'invited' && !x.invitedAt)
  )
    add('cosign', '发起联名', () => setOpen('requestCosign'));
  if (can('submit'))
    add(
      'submit',
      '提交提案',
      () =>
        confirmRun(
          '提交提案',
          p.proposers.some((x) => x.status === 'invited')
            ? '尚未确认的联名人将被移出联名名单。确定提交吗？'
            : '提交后由提案委员会审查。确定提交吗？',
          'submit',
          { version },
          '提案已提交',
        ),
      'primary',
    );
  if (can('respondCosign')) {
    add(
      'confirm',
      '附议',
      () =>
        confirmRun('附议', '确认作为联名提案人附议该提案？', 'respond-cosign', { confirm: true }, '已附议'),
      'primary',
    );
    add('declineCosign', '谢绝联名', () =>
      confirmRun(
        '谢绝联名',
        '确定谢绝联名该提案？',
        'respond-cosign',
        { confirm: false },
        '已谢绝联名',
        true,
      ),
    );
  }
  if (can('rate') && toRate.length > 0) add('rate', '评价答复', () => setOpen('rate'), 'primary');
  if (can('withdraw')) add('withdraw', '撤案', () => setOpen('withdraw'), 'default', true);

  // Staff
  if (can('claimReview'))
    add(
      'claim',
      '开始审查',
      () => confirmRun('开始审查', '由您审查该提案？', 'claim-review', { version }, '已开始审查'),
      'primary',
    );
  if (can('accept')) add('accept', '立案', () => setOpen('accept'), 'primary');
  if (can('reject')) add('reject', '不予立案', () => setOpen('reject'), 'default', true);
  if (can('merge')) add('merge', '并案', () => setOpen('merge'));
  if (can('return')) add('return', '退回修改', () => setOpen('return'));
  if (can('assign'))
    add('assign', p.state === 'accepted' ? '交办' : '补充交办', () => setOpen('assign'), 'primary');
  if (can('extendDeadline') && activeUnits.length > 0) add('extend', '延期', () => setOpen('extend'));
  if (can('reviewAnswer') && sentAnswers.length > 0)
    add('reviewAnswer', '审核答复', () => setOpen('reviewAnswer'), 'primary');
  if (can('close')) add('close', '办结', () => setOpen('close'));
  if (can('nominateKey'))
    add('key', p.keyStatus === 'none' ? '提名重点提案' : '调整重点提案', () => setOpen('key'));
  if (can('nominateExcellent'))
    add('excellent', p.excellentStatus === 'none' ? '提名优秀提案' : '调整优秀提案', () =>
      setOpen('excellent'),
    );
  if (can('requestFollowup') && followupAnswers.length > 0)
    add('followup', '回头看', () => setOpen('followup'));

  // Leaders
  if (can('approveKey') && p.keyStatus === 'nominated')
    add('approveKey', '审定重点提案', () => setOpen('approveKey'), 'primary');
  if (can('approveExcellent') && p.excellentStatus === 'nominated')
    add('approveExcellent', '审定优秀提案', () => setOpen('approveExcellent'), 'primary');
  if (can('addSupervisionLog') && p.keyStatus !== 'none')
    add('supervision', '记录督办', () => setOpen('supervision'));

  // Units
  if (mySlot?.status === 'assigned') {
    if (can('acknowledge'))
      add(
        'ack',
        '签收',
        () =>
          confirmRun('签收', `确认由本单位（${mySlot.roleLabel}）办理该提案？`, 'acknowledge', {}, '已签收'),
        'primary',
      );
    if (can('decline')) add('declineUnit', '退办', () => setOpen('decline'), 'default', true);
  }
  if (mySlot?.role === 'co' && mySlot.status === 'acknowledged' && can('sendUnitOpinion'))
    add(
      'opinion',
      p.unitOpinions.some((o) => o.fromUnitId === mySlot.unitId) ? '修改协办意见' : '报送协办意见',
      () => setOpen('unitOpinion'),
      'primary',
    );
  if (answering && (!myAnswer || ['draft', 'returned'].includes(myAnswer.state)) && can('saveAnswer'))
    add(
      'answer',
      myAnswer ? '修改答复' : '起草答复',
      () => setOpen('answer'),
      myAnswer ? 'default' : 'primary',
    );
  if (answering && myAnswer && ['draft', 'returned'].includes(myAnswer.state) && can('submitAnswer'))
    add(
      'submitAnswer',
      '提交负责人审核',
      () =>
        confirmRun(
          '提交负责人审核',
          '答复须经本单位负责人审核后才报送提案委。',
          'answer/submit',
          {},
          '已提交负责人审核',
        ),
      'primary',
    );
  if (myAnswer?.state === 'pendingHead' && can('headApproveAnswer')) {
    add(
      'headApprove',
      '审核通过并报送',
      () => confirmRun('审核通过', '审核通过后答复报送提案委员会。', 'answer/head-approve', {}, '答复已报送'),
      'primary',
    );
    add('headReturn', '退回经办人', () => setOpen('headReturn'));
  }
  if (myFollowups.length > 0 && can('reportFollowup'))
    add('followupReport', '报送回头看', () => setOpen('followupReport'), 'primary');
  if (can('evaluate') && !myEvaluated && (mySlot || p.units.some((u) => u.active && u.role !== 'co')))
    add('evaluate', '双向评议', () => setOpen('evaluate'));

  return (
    <>
      <Flex gap={8} wrap>
        {buttons}
        {p.state !== 'draft' && p.state !== 'cosigning' && (
          <DownloadButton path={proposalDocuments.proposal(p.id)}>下载提案</DownloadButton>
        )}
        {p.answers.some((a) => a.state === 'approved') && (
          <DownloadButton path={proposalDocuments.answerLetter(p.id)}>下载答复函</DownloadButton>
        )}
      </Flex>

      <CommandModal
        title="发起联名邀请"
        okText="发出邀请"
        open={open === 'requestCosign'}
        onClose={close}
        run={run('request-cosign', '已发出联名邀请')}
        toBody={(v) => ({ deadline: isoDay(v.deadline), version })}
      >
        {() => (
          <Form.Item name="deadline" label="联名截止日期" extra="不填默认 7 天">
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        )}
      </CommandModal>

      <CommandModal
        title="撤案"
        okText="确定撤案"
        danger
        open={open === 'withdraw'}
        onClose={close}
        run={run('withdraw', '提案已撤回')}
        toBody={(v) => ({ reason: blank(v.reason), version })}
      >
        {() => (
          <>
            <Typography.Paragraph type="warning">撤案后提案不再办理，且不能恢复。</Typography.Paragraph>
            <TextField name="reason" label="撤案理由" max={500} />
          </>
        )}
      </CommandModal>

      <CommandModal
        title="立案"
        okText="确定立案"
        open={open === 'accept'}
        onClose={close}
        run={run('accept', '已立案')}
        initialValues={{ category: p.category }}
        toBody={(v) => ({ category: v.category !== p.category ? v.category : undefined, version })}
      >
        {() => (
          <>
            <Typography.Paragraph type="secondary">立案后自动分配本次会议的提案号。</Typography.Paragraph>
            <Form.Item name="category" label="类别" rules={[required('类别', '请选择')]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={categoryOptions} />
            </Form.Item>
          </>
        )}
      </CommandModal>

      <CommandModal
        title="不予立案"
        okText="确定不予立案"
        danger
        open={open === 'reject'}
        onClose={close}
        run={run('reject', '已作不予立案处理')}
        initialValues={{ disposition: 'none' }}
        toBody={(v) => ({
          ground: v.ground,
          reason: v.reason,
          disposition: v.disposition,
          forwardUnitId: v.disposition === 'forwardSuggestion' ? v.forwardUnitId : undefined,
          version,
        })}
      >
        {(form) => (
          <>
            <Form.Item name="ground" label="不予立案理由" rules={[required('不予立案理由', '请选择')]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={(formOptions.data?.rejectionGrounds ?? []).map((g) => ({ value: g, label: g }))}
              />
            </Form.Item>
            <TextField name="reason" label="说明" max={1000} required="不予立案说明" />
            <Form.Item name="disposition" label="处理方式" rules={[required('处理方式', '请选择')]}>
              <Radio.Group aria-label="处理方式" options={options(rejectionDispositionLabels)} />
            </Form.Item>
            <Form.Item noStyle shouldUpdate>
              {() =>
                form.getFieldValue('disposition') === 'forwardSuggestion' && (
                  <Form.Item name="forwardUnitId" label="转交部门" rules={[required('转交部门', '请选择')]}>
                    <Select showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
                  </Form.Item>
                )
              }
            </Form.Item>
          </>
        )}
      </CommandModal>

      <CommandModal
        title="并案"
        okText="确定并案"
        open={open === 'merge'}
        onClose={close}
        run={run('merge', '已并案')}
        toBody={(v) => ({ intoProposalId: v.intoProposalId, note: blank(v.note), version })}
      >
        {() => (
          <>
            <Form.Item name="intoProposalId" label="并入提案" rules={[required('要并入的提案', '请选择')]}>
              <MainProposalSelect sessionId={p.session?.id} excludeId={p.id} />
            </Form.Item>
            <TextField name="note" label="并案说明" max={500} rows={2} />
          </>
        )}
      </CommandModal>

      <CommandModal
        title="退回修改"
        okText="退回"
        open={open === 'return'}
        onClose={close}
        run={run('return', '已退回提案人修改')}
        toBody={(v) => ({ comment: v.comment, version })}
      >
        {() => <TextField name="comment" label="修改意见" max={1000} required="退回意见" rows={4} />}
      </CommandModal>

      <CommandModal
        title={p.state === 'accepted' ? '交办' : '补充交办（重新分配退办的单位）'}
        okText="确定交办"
        width={640}
        open={open === 'assign'}
        onClose={close}
        run={run('assign', '已交办')}
        initialValues={{
          mode: p.assignmentMode === 'separate' ? 'separate' : 'lead',
          coUnitIds: [],
          separateUnitIds: [],
        }}
        toBody={(v) => ({
          units:
            v.mode === 'separate'
              ? ((v.separateUnitIds as number[]) ?? []).map((unitId) => ({ unitId, role: 'separate' }))
              : [
                  ...(v.leadUnitId ? [{ unitId: v.leadUnitId as number, role: 'lead' }] : []),
                  ...((v.coUnitIds as number[]) ?? []).map((unitId) => ({ unitId, role: 'co' })),
                ],
          deadline: isoDay(v.deadline),
          version,
        })}
      >
        {(form) => (
          <>
            {p.suggestedUnits.length > 0 && (
              <Typography.Paragraph type="secondary">
                提案人建议：{p.suggestedUnits.map((u) => u.name).join('、')}
              </Typography.Paragraph>
            )}
            {activeUnits.length > 0 && (
              <Typography.Paragraph type="secondary">
                在办单位：{activeUnits.map((u) => `${u.name}（${u.roleLabel}）`).join('、')}
              </Typography.Paragraph>
            )}
            <Form.Item name="mode" label="交办方式">
              <Radio.Group
                aria-label="交办方式"
                options={[
                  { value: 'lead', label: '主办 + 协办' },
                  { value: 'separate', label: '分办（各自答复）' },
                ]}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate>
              {() =>
                form.getFieldValue('mode') === 'separate' ? (
                  <Form.Item name="separateUnitIds" label="分办单位" rules={[required('分办单位', '请选择')]}>
                    <Select
                      mode="multiple"
                      showSearch={{ optionFilterProp: 'label' }}
                      options={unitOptions}
                    />
                  </Form.Item>
                ) : (
                  <>
                    <Form.Item
                      name="leadUnitId"
                      label="主办单位"
                      rules={
                        activeUnits.some((u) => u.role === 'lead') ? [] : [required('主办单位', '请选择')]
                      }
                    >
                      <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={unitOptions} />
                    </Form.Item>
                    <Form.Item name="coUnitIds" label="协办单位">
                      <Select
                        mode="multiple"
                        showSearch={{ optionFilterProp: 'label' }}
                        options={unitOptions}
                      />
                    </Form.Item>
                  </>
                )
              }
            </Form.Item>
            {p.state === 'accepted' && (
              <Form.Item name="deadline" label="办理期限" extra="不填则按系统设置（默认交办后 3 个月）">
                <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} />
              </Form.Item>
            )}
          </>
        )}
      </CommandModal>

      <CommandModal
        title="退办"
        okText="确定退办"
        danger
        open={open === 'decline'}
        onClose={close}
        run={run('decline', '已退办')}
      >
        {() => (
          <TextField
            name="reason"
            label="退办理由"
            max={500}
            required
            placeholder="说明不属于本单位职责的原因及建议的承办单位"
          />
        )}
      </CommandModal>

      <CommandModal
        title="延期"
        okText="确定延期"
        open={open === 'extend'}
        onClose={close}
        run={run('extend-deadline', '已延期')}
        initialValues={{ unitId: activeUnits[0]?.unitId }}
        toBody={(v) => ({ unitId: v.unitId, deadline: isoDay(v.deadline), reason: v.reason, version })}
      >
        {() => (
          <>
            <Form.Item name="unitId" label="承办单位" rules={[required('承办单位', '请选择')]}>
              <Select
                options={activeUnits.map((u) => ({
                  value: u.unitId,
                  label: `${u.name}（期限 ${dayjs(u.deadline).format('YYYY-MM-DD')}）`,
                }))}
              />
            </Form.Item>
            <Form.Item
              name="deadline"
              label="延至"
              rules={[required('延期后的期限', '请选择')]}
              extra={`延期不能超过交办后 ${formOptions.data?.maxExtensionMonths ?? 6} 个月`}
            >
              <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} style={{ width: '100%' }} />
            </Form.Item>
            <TextField name="reason" label="延期理由" max={500} required />
          </>
        )}
      </CommandModal>

      <CommandModal
        title="报送协办意见"
        okText="报送主办单位"
        open={open === 'unitOpinion'}
        onClose={close}
        run={run('unit-opinion', '协办意见已报送主办单位')}
        initialValues={{ text: p.unitOpinions.find((o) => o.fromUnitId === mySlot?.unitId)?.text }}
        toBody={(v) => ({
          text: v.text,
          contactPerson: blank(v.contactPerson),
          attachmentIds: v.attachmentIds ?? [],
        })}
      >
        {() => (
          <>
            <TextField name="text" label="协办意见" max={5000} required rows={6} />
            <TextField name="contactPerson" label="联系人" max={20} rows={1} />
            <Form.Item name="attachmentIds" label="附件">
              <AttachmentUpload />
            </Form.Item>
          </>
        )}
      </CommandModal>

      <CommandModal
        title={`${myAnswer ? '修改' : '起草'}答复（第 ${round} 轮）`}
        okText="保存答复"
        width={720}
        open={open === 'answer'}
        onClose={close}
        run={run('answer', '答复已保存，请提交负责人审核')}
        initialValues={
          myAnswer
            ? {
                attachmentIds: myAnswer.attachmentIds,
                category: myAnswer.category,
                text: myAnswer.text,
                contactPerson: myAnswer.contactPerson,
                contactPhone: myAnswer.contactPhone,
              }
            : {}
        }
        toBody={(v) => ({
          category: v.category,
          text: v.text,
          contactPerson: v.contactPerson,
          contactPhone: v.contactPhone,
          attachmentIds: v.attachmentIds ?? [],
        })}
      >
        {() => (
          <>
            {myAnswer?.headComment && (
              <Typography.Paragraph type="warning">负责人意见：{myAnswer.headComment}</Typography.Paragraph>
            )}
            {myAnswer?.staffReviewNote && (
              <Typography.Paragraph type="warning">
                提案委意见：{myAnswer.staffReviewNote}
              </Typography.Paragraph>
            )}
            {p.unitOpinions.length > 0 && (
              <Typography.Paragraph type="secondary">
                已收到协办意见 {p.unitOpinions.length} 份（见“协办意见”）
              </Typography.Paragraph>
            )}
            <Form.Item name="category" label="答复类别" rules={[required('答复类别', '请选择')]}>
              <Select showSearch={{ optionFilterProp: 'label' }} options={answerCategoryOptions} />
            </Form.Item>
            <TextField name="text" label="答复内容" max={20000} required rows={8} />
            <Flex gap={12} wrap>
              <TextField name="contactPerson" label="联系人" max={20} required rows={1} />
              <Form.Item
                name="contactPhone"
                label="联系电话"
                rules={[
                  required('联系电话'),
                  { pattern: /^[\d\-+() ]{7,20}$/, message: '联系电话格式不正确' },
                ]}
              >
                <Input />
              </Form.Item>
            </Flex>
            <Form.Item name="attachmentIds" label="附件">
              <AttachmentUpload />
            </Form.Item>
          </>
        )}
      </CommandModal>

      <CommandModal
        title="退回经办人"
        okText="退回"
        open={open === 'headReturn'}
        onClose={close}
        run={run('answer/head-return', '已退回经办人修改')}
        toBody={(v) => ({ comment: blank(v.comment) })}
      >
        {() => <TextField name="comment" label="修改意见" max={1000} />}
      </CommandModal>

      <CommandModal
        title="审核答复"
        okText="提交审核意见"
        width={640}
        open={open === 'reviewAnswer'}
        onClose={close}
        run={run('answer/review', '审核意见已提交')}
        initialValues={{ answerId: sentAnswers[0]?.id, approve: true, category: sentAnswers[0]?.category }}
        toBody={(v) => ({
          answerId: v.answerId,
          approve: v.approve,
          category: v.approve ? v.category : undefined,
          note: blank(v.note),
          version,
        })}
      >
        {(form) => (
          <>
            <Form.Item name="answerId" label="答复" rules={[required('答复', '请选择')]}>
              <Select
                options={sentAnswers.map((a) => ({
                  value: a.id,
                  label: `${a.unitName}（${a.category} 类）`,
                }))}
                onChange={(id) =>
                  form.setFieldValue('category', sentAnswers.find((a) => a.id === id)?.category)
                }
              />
            </Form.Item>
            <Form.Item name="approve" label="审核结果">
              <Radio.Group
                aria-label="审核结果"
                options={[
                  { value: true, label: '通过' },
                  { value: false, label: '退回承办单位' },
                ]}
              />
            </Form.Item>
            <Form.Item noStyle shouldUpdate>
              {() =>
                form.getFieldValue('approve') && (
                  <Form.Item name="category" label="答复类别" extra="可根据答复实际调整类别">
                    <Select showSearch={{ optionFilterProp: 'label' }} options={answerCategoryOptions} />
                  </Form.Item>
                )
              }
            </Form.Item>
            <TextField name="note" label="审核意见" max={1000} />
          </>
        )}
      </CommandModal>

      <CommandModal
        title="评价答复"
        okText="提交评价"
        open={open === 'rate'}
        onClose={close}
        run={run('rate', '评价已提交')}
        initialValues={{ answerId: toRate[0]?.id }}
        toBody={(v) => ({
          answerId: v.answerId,
          satisfaction: v.satisfaction,
          attitude: v.attitude,
          relevance: v.relevance,
          comment: blank(v.comment),
        })}
      >
        {() => (
          <>
            {toRate.length > 1 && (
              <Form.Item name="answerId" label="答复单位" rules={[required('答复', '请选择')]}>
                <Select options={toRate.map((a) => ({ value: a.id, label: a.unitName }))} />
              </Form.Item>
            )}
            {toRate.length === 1 && (
              <Form.Item name="answerId" hidden>
                <Input />
              </Form.Item>
            )}
            <Form.Item name="satisfaction" label="对答复的满意度" rules={[required('满意度', '请选择')]}>
              <Radio.Group aria-label="对答复的满意度" options={options(satisfactionLabels)} />
            </Form.Item>
            <Form.Item name="attitude" label="办理态度" rules={[required('办理态度', '请评价')]}>
              <Radio.Group aria-label="办理态度" options={options(satisfactionLabels)} />
            </Form.Item>
            <Form.Item name="relevance" label="是否针对提案" rules={[required('答复是否针对提案', '请选择')]}>
              <Radio.Group aria-label="是否针对提案" options={options(relevanceLabels)} />
            </Form.Item>
            <TextField name="comment" label="评价意见" max={1000} />
          </>
        )}
      </CommandModal>

      <CommandModal
        title="办结"
        okText="确定办结"
        open={open === 'close'}
        onClose={close}
        run={run('close', '已办结')}
        toBody={(v) => ({ note: blank(v.note), version })}
      >
        {() => <TextField name="note" label="办结说明" max={500} />}
      </CommandModal>

      <CommandModal
        title="重点提案"
        open={open === 'key'}
        onClose={close}
        run={run('key', '已保存')}
        initialValues={{ key: p.keyStatus !== 'none', supervisorUserIds: p.supervisors.map((s) => s.userId) }}
        toBody={(v) => ({
          key: v.key,
          supervisorUserIds: v.key ? ((v.supervisorUserIds as number[] | undefined) ?? []) : [],
          version,
        })}
      >
        {() => (
          <>
            <Form.Item name="key" label="列为重点提案" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="supervisorUserIds" label="领衔督办领导">
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                allowClear
                placeholder="选择督办领导"
                loading={supervisors.isLoading}
                options={(supervisors.data?.items ?? []).map((s) => ({
                  value: s.userId,
                  label: `${s.name}（${s.title}）`,
                }))}
              />
            </Form.Item>
            <Typography.Paragraph type="secondary">提名后由主席会议成员审定。</Typography.Paragraph>
          </>
        )}
      </CommandModal>

      <CommandModal
        title="优秀提案"
        open={open === 'excellent'}
        onClose={close}
        run={run('excellent', '已保存')}
        initialValues={{ excellent: p.excellentStatus !== 'none' }}
        toBody={(v) => ({ excellent: v.excellent, version })}
      >
        {() => (
          <>
            <Form.Item name="excellent" label="提名为优秀提案" valuePropName="checked">
              <Switch />
            </Form.Item>
            <Typography.Paragraph type="secondary">
              优秀提案数量不超过已立案提案的规定比例（默认 5%），由主席会议成员审定。
            </Typography.Paragraph>
          </>
        )}
      </CommandModal>

      {(['approveKey', 'approveExcellent'] as const).map((k) => (
        <CommandModal
          key={k}
          title={k === 'approveKey' ? '审定重点提案' : '审定优秀提案'}
          open={open === k}
          onClose={close}
          run={run(k === 'approveKey' ? 'key/approve' : 'excellent/approve', '审定结果已保存')}
          initialValues={{ approve: true }}
          toBody={(v) => ({ approve: v.approve, version })}
        >
          {() => (
            <Form.Item name="approve" label="审定结果">
              <Radio.Group
                aria-label="审定结果"
                options={[
                  { value: true, label: '同意' },
                  { value: false, label: '不同意' },
                ]}
              />
            </Form.Item>
          )}
        </CommandModal>
      ))}

      <CommandModal
        title="记录督办情况"
        open={open === 'supervision'}
        onClose={close}
        run={run('supervision-logs', '督办记录已保存')}
        initialValues={{ kind: 'comment', occurredOn: dayjs() }}
        toBody={(v) => ({ kind: v.kind, text: v.text, occurredOn: isoDay(v.occurredOn) })}
      >
        {() => (
          <>
            <Form.Item name="kind" label="督办方式" rules={[required('督办方式', '请选择')]}>
              <Radio.Group aria-label="督办方式" options={options(supervisionLogKindLabels)} />
            </Form.Item>
            <Form.Item name="occurredOn" label="日期" rules={[required('日期', '请选择')]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
            <TextField name="text" label="督办情况" max={2000} required rows={4} />
          </>
        )}
      </CommandModal>

      <CommandModal
        title="双向评议"
        open={open === 'evaluate'}
        onClose={close}
        run={run('evaluations', '评议已提交')}
        initialValues={{ unitId: mySlot?.unitId ?? p.units.find((u) => u.active && u.role !== 'co')?.unitId }}
        toBody={(v) => ({ unitId: v.unitId, score: v.score, comment: blank(v.comment) })}
      >
        {() => (
          <>
            <Typography.Paragraph type="secondary">
              {mySlot ? '本单位对提案质量评分' : '对承办单位的办理工作评分'}
              （0–100；优秀≥90，良好75–89，一般60–74，较差&lt;60）。双方都评议后才能看到对方的分数。
            </Typography.Paragraph>
            <Form.Item name="unitId" label="承办单位" rules={[required('承办单位', '请选择')]}>
              <Select
                disabled={!!mySlot}
                options={p.units
                  .filter((u) => u.active)
                  .map((u) => ({ value: u.unitId, label: `${u.name}（${u.roleLabel}）` }))}
              />
            </Form.Item>
            <Form.Item name="score" label="分数" rules={[required('分数')]}>
              <InputNumber min={0} max={100} precision={0} style={{ width: 120 }} />
            </Form.Item>
            <TextField name="comment" label="评议意见" max={1000} />
          </>
        )}
      </CommandModal>

      <CommandModal
        title="发起回头看"
        open={open === 'followup'}
        onClose={close}
        run={run('followups', '已发起回头看')}
        initialValues={{ answerId: followupAnswers[0]?.id }}
        toBody={(v) => ({ answerId: v.answerId, note: blank(v.note) })}
      >
        {() => (
          <>
            <Form.Item name="answerId" label="答复" rules={[required('答复', '请选择')]}>
              <Select
                options={followupAnswers.map((a) => ({
                  value: a.id,
                  label: `${a.unitName}（${a.category} 类，第 ${a.round} 轮）`,
                }))}
              />
            </Form.Item>
            <TextField name="note" label="回头看要求" max={1000} />
          </>
        )}
      </CommandModal>

      <CommandModal
        title="报送回头看落实情况"
        open={open === 'followupReport'}
        onClose={close}
        run={run('followups/report', '落实情况已报送')}
        initialValues={{ followupId: myFollowups[0]?.id }}
        toBody={(v) => ({ followupId: v.followupId, implementation: v.implementation, report: v.report })}
      >
        {() => (
          <>
            <Form.Item name="followupId" hidden>
              <Input />
            </Form.Item>
            {myFollowups[0]?.requestNote && (
              <Typography.Paragraph type="secondary">要求：{myFollowups[0].requestNote}</Typography.Paragraph>
            )}
            <Form.Item name="implementation" label="落实情况" rules={[required('落实情况', '请选择')]}>
              <Radio.Group aria-label="落实情况" options={options(followupImplementationLabels)} />
            </Form.Item>
            <TextField name="report" label="情况说明" max={5000} required="落实情况说明" rows={5} />
          </>
        )}
      </CommandModal>
    </>
  );
}

/** Accepted, not yet closed proposals of the same session, searched by title or number. */
function MainProposalSelect(props: {
  value?: number;
  onChange?: (v: number) => void;
  sessionId?: number;
  excludeId: number;
  id?: string;
}) {
  const [q, setQ] = useState('');
  const list = useProposalList({
    view: 'all',
    stage: 'accepted',
    sessionId: props.sessionId,
    q: q || undefined,
    pageSize: 20,
  });
  return (
    <Select
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder="输入案由或提案号搜索"
      loading={list.isFetching}
      options={(list.data?.items ?? [])
        .filter((i) => i.id !== props.excludeId && i.state !== 'closed')
        .map((i) => ({ value: i.id, label: `${i.numberLabel} ${i.title}` }))}
    />
  );
}
