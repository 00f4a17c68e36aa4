import { ProposalList } from './ProposalList';

/** 待我附议: proposals whose lead proposer invited this member; each opens to 附议 or 谢绝. */
export default function CosignQueuePage() {
  return <ProposalList title="联名邀请（待我附议）" view="cosign" emptyText="没有待答复的联名邀请" />;
}
