import { useState } from 'react';
import { Button, Flex, Input, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { searchWordSchema } from '@cppcc/shared';

/** Why a typed word cannot be added (the shared rule, or already in the list); nothing while empty. */
export function wordProblem(text: string, words: readonly string[]): string | undefined {
  if (!text.trim()) return undefined;
  const parsed = searchWordSchema.safeParse(text);
  if (!parsed.success) return parsed.error.issues[0]?.message ?? '词语不正确';
  return words.includes(parsed.data) ? `“${parsed.data}”已在词典中` : undefined;
}

/**
 * 搜索词典 as a form control: the words as tags to remove, a box to add one, checked as it is typed.
 * `value` and `onChange` come from the settings form, which saves the list with the other settings.
 */
export function SearchDictionaryInput(props: {
  /** The form item's id: its label leads to the box a word is typed in. */
  id?: string;
  value?: string[];
  onChange?: (words: string[]) => void;
  disabled?: boolean;
}) {
  const words = props.value ?? [];
  const [text, setText] = useState('');
  const problem = wordProblem(text, words);

  function add() {
    const parsed = searchWordSchema.safeParse(text);
    if (!parsed.success || problem) return;
    props.onChange?.([...words, parsed.data]);
    setText('');
  }

  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={6} aria-label="词典中的词语" role="list">
        {words.map((word) => (
          <Tag
            key={word}
            role="listitem"
            closable={!props.disabled}
            onClose={(e) => {
              e.preventDefault();
              props.onChange?.(words.filter((w) => w !== word));
            }}
            style={{ marginInlineEnd: 0, fontSize: 14, paddingBlock: 2 }}
          >
            {word}
          </Tag>
        ))}
        {words.length === 0 && <Typography.Text type="secondary">词典中还没有词语</Typography.Text>}
      </Flex>
      {!props.disabled && (
        <Flex vertical gap={2}>
          <Flex gap={8} style={{ maxWidth: 420 }}>
            <Input
              id={props.id}
              value={text}
              onChange={(e) => setText(e.target.value)}
              onPressEnter={(e) => {
                // Enter adds the word; it must not submit the settings form.
                e.preventDefault();
                add();
              }}
              status={problem ? 'error' : undefined}
              placeholder="输入词语，如 楼小二"
              maxLength={20}
            />
            <Button
              icon={<PlusOutlined />}
              aria-label="添加词语"
              onClick={add}
              disabled={!text.trim() || Boolean(problem)}
            >
              添加
            </Button>
          </Flex>
          {problem && (
            <Typography.Text type="danger" role="alert">
              {problem}
            </Typography.Text>
          )}
        </Flex>
      )}
    </Flex>
  );
}
