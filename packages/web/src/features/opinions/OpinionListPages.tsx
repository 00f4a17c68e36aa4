import { Link } from 'react-router';
import { Button, Grid } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { OpinionList } from './OpinionList';

/** 我的社情民意: the submitter's own opinions, drafts included, with what became of each. */
export function MyOpinionsPage() {
  // Phones reach 待我联名 from the menu; the heading keeps its room.
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <OpinionList
      title="我的社情民意"
      view="mine"
      emptyText="还没有信息，点击“写信息”开始"
      extra={
        <>
          {!narrow && (
            <Link to="/opinions/coauthor">
              <Button>待我联名</Button>
            </Link>
          )}
          <Link to="/opinions/new">
            <Button type="primary" icon={<PlusOutlined />}>
              写信息
            </Button>
          </Link>
        </>
      }
    />
  );
}

/** 待我联名: opinions whose authors invited the viewer as co-author. */
export function CoauthorOpinionsPage() {
  return <OpinionList title="待我联名" view="coauthor" emptyText="暂无待确认的联名邀请" />;
}

/** 信息收件箱: what was reported to the committee and waits for the staff, with the staff's filters. */
export function InboxPage() {
  return (
    <OpinionList
      title="信息收件箱"
      view="inbox"
      staff
      extra={
        <Link to="/opinions/issues">
          <Button>期刊</Button>
        </Link>
      }
    />
  );
}

/** 全部信息: every opinion of the committee past its draft, for staff and leaders and the figures' lists. */
export function AllOpinionsPage() {
  return <OpinionList title="全部社情民意信息" view="all" staff />;
}

export const opinionListPages = {
  mine: MyOpinionsPage,
  coauthor: CoauthorOpinionsPage,
  inbox: InboxPage,
  all: AllOpinionsPage,
};
