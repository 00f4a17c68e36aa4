/**
 * The codes of a closed vocabulary, written once as its Chinese labels: the codes are the labels'
 * keys in the order written, typed as the non-empty tuple `z.enum` takes.
 */
export const codesOf = <const Labels extends Record<string, string>>(labels: Labels) =>
  Object.keys(labels) as [keyof Labels & string, ...(keyof Labels & string)[]];
