/** A long value cut to the column's width with an ellipsis; the whole text shows on hover. */
export function Clip({ text }: { text: string }) {
  return <span className="exn-clip" title={text}>{text}</span>;
}
