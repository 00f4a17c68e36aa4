import { useState } from 'react';
import { Button, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { uploadAttachment } from '../api/attachments';
import { showError } from '../app/notifier';
import { errorText } from './CommandModal';

interface Item {
  uid: string;
  name: string;
  status: 'done' | 'uploading' | 'error';
  attachmentId?: number;
}

/**
 * Files uploaded to /api/attachments; the form value is the list of attachment ids. The server binds
 * them to the record on save and refuses forbidden types with a message on the field.
 */
export function AttachmentUpload(props: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  id?: string;
}) {
  const [items, setItems] = useState<Item[]>(() =>
    (props.value ?? []).map((aid, i) => ({
      uid: String(aid),
      name: `附件${i + 1}`,
      status: 'done',
      attachmentId: aid,
    })),
  );
  const publish = (next: Item[]) => {
    setItems(next);
    props.onChange?.(next.filter((x) => x.status === 'done' && x.attachmentId).map((x) => x.attachmentId!));
  };

  return (
    <Upload
      fileList={items}
      customRequest={async ({ file, onSuccess, onError }) => {
        const uid = (file as { uid: string }).uid;
        try {
          const saved = await uploadAttachment(file as File);
          setItems((all) => {
            const next = all.map((x) =>
              x.uid === uid
                ? { ...x, status: 'done' as const, attachmentId: saved.id, name: saved.fileName }
                : x,
            );
            props.onChange?.(
              next.filter((x) => x.status === 'done' && x.attachmentId).map((x) => x.attachmentId!),
            );
            return next;
          });
          onSuccess?.(saved);
        } catch (error) {
          setItems((all) => all.map((x) => (x.uid === uid ? { ...x, status: 'error' as const } : x)));
          showError(errorText(error));
          onError?.(error as Error);
        }
      }}
      onChange={({ fileList }) =>
        setItems((all) =>
          fileList.map(
            (f) => all.find((x) => x.uid === f.uid) ?? { uid: f.uid, name: f.name, status: 'uploading' },
          ),
        )
      }
      onRemove={(f) => {
        publish(items.filter((x) => x.uid !== f.uid));
        return false;
      }}
    >
      <Button id={props.id} icon={<UploadOutlined />}>
        上传附件
      </Button>
    </Upload>
  );
}
