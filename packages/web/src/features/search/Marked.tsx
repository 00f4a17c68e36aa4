import type { Highlighted } from '../../api/search';

/** Text cut by the server into matched and other parts: the matched ones in <mark>, all as plain text. */
export function Marked({ parts }: { parts: Highlighted }) {
  return (
    <>
      {parts.map((part, i) =>
        part.hit ? (
          <mark key={i} style={{ padding: 0, background: '#ffe58f', color: 'inherit' }}>
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
