import { Card, Empty, Timeline, Typography } from 'antd';
import { dateTimeText } from './columns';

/** One step of a workflow record's timeline, as every module's detail sends it. */
export interface TimelineEntry {
  id: number;
  action: string;
  actorName: string | null;
  actorRole?: string | null;
  fromState: string | null;
  toState: string | null;
  note: string | null;
  createdAt: string;
}

/** Every step taken on a record, by whom and when, with the change of state it made. */
export function RecordTimeline<T extends TimelineEntry>(props: {
  title: string;
  entries: T[];
  actionLabel: (entry: T) => string;
  stateLabel: (state: string) => string;
  actorRole?: (role: string) => string;
  color: (entry: T) => string;
}) {
  return (
    <Card title={props.title} size="small">
      {props.entries.length === 0 ? (
        <Empty description="暂无记录" />
      ) : (
        <Timeline
          items={props.entries.map((t) => ({
            key: t.id,
            color: props.color(t),
            content: (
              <div>
                <Typography.Text strong>{props.actionLabel(t)}</Typography.Text>
                {t.fromState && t.toState && t.fromState !== t.toState && (
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {props.stateLabel(t.fromState)} → {props.stateLabel(t.toState)}
                  </Typography.Text>
                )}
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dateTimeText(t.createdAt)} {t.actorName ?? ''}
                    {t.actorRole && props.actorRole ? `（${props.actorRole(t.actorRole)}）` : ''}
                  </Typography.Text>
                </div>
                {t.note && <div style={{ whiteSpace: 'pre-wrap' }}>{t.note}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
