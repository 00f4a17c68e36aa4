import { Space } from 'antd';

/** Links to a record's attachments, by file name where the record carries it. */
export function Attachments({ ids, files }: { ids: number[]; files: { id: number; fileName: string }[] }) {
  return (
    <Space wrap style={{ marginTop: 8 }}>
      附件：
      {ids.map((aid, i) => (
        <a key={aid} href={`/api/attachments/${aid}/download`} target="_blank" rel="noreferrer">
          {files.find((f) => f.id === aid)?.fileName ?? `附件${i + 1}`}
        </a>
      ))}
    </Space>
  );
}
