// The check that an English message is English: Chinese may appear only inside "…" (or “…”), where the messages put the
// user's cell text and the form's own words (column labels, category names, 定性, examples of good names).

/** CJK ideographs, CJK punctuation (、。【】…) and full-width forms (（）：，). */
const CJK = /[\u2e80-\u2fdf\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/g;

/** The CJK characters of a message outside its quoted parts, joined; "" when there are none. */
export function cjkOutsideQuotes(message: string): string {
  return (message.replace(/"[^"]*"/g, "").replace(/“[^“”]*”/g, "").match(CJK) ?? []).join("");
}
