import { Link } from 'react-router';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCurrentUser } from '../../hooks/useCurrentUser';
import { ProposalList } from './ProposalList';

/** 我的提案: the member's proposals as lead or confirmed co-proposer, drafts included. */
export default function MyProposalsPage() {
  const user = useCurrentUser();
  return (
    <ProposalList
      title="我的提案"
      view="mine"
      emptyText="还没有提案，点击“写提案”开始"
      extra={
        <>
          <Link to="/proposals/cosign">
            <Button>联名邀请</Button>
          </Link>
          {user.memberId !== null && (
            <Link to="/proposals/new">
              <Button type="primary" icon={<PlusOutlined />}>
                写提案
              </Button>
            </Link>
          )}
        </>
      }
    />
  );
}
