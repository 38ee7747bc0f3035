//! Inline text of the block markup: `**bold**`, `*italic*`, and the escapes `\*`, `\\`, `\n`.
//!
//! A star is emphasis only where it reads as such, and only in pairs: an opening `*` or `**`
//! stands at the start or after a space or an opening bracket or quote, before a letter, a
//! digit or an opening bracket or quote; a closing one after a letter, a digit or closing
//! punctuation, and not before a letter or a digit. Any other star prints as typed: the
//! footnote mark "(*)", "7,5*", "2 * 3" or a lone "*" of a record (which the template's
//! `emphasis` filter lets through) is text, never the start of italics that swallow it and
//! slant the rest of the paragraph.

use crate::model::{Inline, Span};

/// Characters an emphasis may start with besides letters and digits, and may follow.
const OPENING: &[char] = &['(', '[', '{', '"', '\'', '“', '‘', '«'];
/// Characters an emphasis may end with besides letters and digits.
const CLOSING: &[char] = &[
    ')', ']', '}', '"', '\'', '”', '’', '»', '.', ',', ':', ';', '!', '?', '%',
];

/// A piece of inline text before emphasis is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    Char(char),
    Break,
    /// A run of one star (italic) or two (bold), with what it may do where it stands.
    Stars {
        bold: bool,
        opens: bool,
        closes: bool,
    },
}

/// Parses inline text: `**bold**`, `*italic*`, escapes.
pub(crate) fn parse_inline(text: &str) -> Inline {
    // Text without an escape or emphasis is one plain span.
    if !crate::text::has_any(text, b"\\*") {
        return crate::model::one_span(text.to_string());
    }
    let tokens = tokens(text);
    let markup = pairs(&tokens);
    let mut spans = Vec::new();
    let mut current = String::new();
    let (mut bold, mut italic) = (false, false);
    let flush = |current: &mut String, spans: &mut Vec<Span>, bold, italic| {
        if !current.is_empty() {
            spans.push(Span::Text {
                text: std::mem::take(current),
                bold,
                italic,
            });
        }
    };
    for (token, is_markup) in tokens.iter().zip(markup) {
        match *token {
            Token::Char(c) => current.push(c),
            Token::Break => {
                flush(&mut current, &mut spans, bold, italic);
                spans.push(Span::Break);
            }
            Token::Stars { bold: two, .. } if is_markup => {
                flush(&mut current, &mut spans, bold, italic);
                if two {
                    bold = !bold;
                } else {
                    italic = !italic;
                }
            }
            Token::Stars { bold: two, .. } => current.push_str(if two { "**" } else { "*" }),
        }
    }
    flush(&mut current, &mut spans, bold, italic);
    spans
}

/// The tokens of `text`: escapes resolved, stars in runs of two then one, each run told
/// whether it may open or close by the characters around it.
fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => {
                match chars.get(i + 1) {
                    Some('n') => tokens.push(Token::Break),
                    Some(&other) => tokens.push(Token::Char(other)),
                    None => tokens.push(Token::Char('\\')),
                }
                i += 2;
            }
            '*' => {
                let bold = chars.get(i + 1) == Some(&'*');
                let end = i + if bold { 2 } else { 1 };
                let before = i.checked_sub(1).map(|b| chars[b]);
                let after = chars.get(end).copied();
                tokens.push(Token::Stars {
                    bold,
                    opens: may_open(before, after),
                    closes: may_close(before, after),
                });
                i = end;
            }
            c => {
                tokens.push(Token::Char(c));
                i += 1;
            }
        }
    }
    tokens
}

fn may_open(before: Option<char>, after: Option<char>) -> bool {
    let starts = |c: char| c.is_alphanumeric() || OPENING.contains(&c);
    before.is_none_or(|c| c.is_whitespace() || OPENING.contains(&c)) && after.is_some_and(starts)
}

fn may_close(before: Option<char>, after: Option<char>) -> bool {
    let ends = |c: char| c.is_alphanumeric() || CLOSING.contains(&c);
    before.is_some_and(ends) && after.is_none_or(|c| !c.is_alphanumeric())
}

/// Which star runs of `tokens` are emphasis: an opening run and the first closing run of
/// its kind after it. A run left unpaired is text.
fn pairs(tokens: &[Token]) -> Vec<bool> {
    let mut markup = vec![false; tokens.len()];
    // The open run of each kind (bold, italic), by position.
    let mut open: [Option<usize>; 2] = [None, None];
    for (i, token) in tokens.iter().enumerate() {
        let Token::Stars {
            bold,
            opens,
            closes,
        } = *token
        else {
            continue;
        };
        let kind = usize::from(!bold);
        match open[kind] {
            Some(start) if closes => {
                markup[start] = true;
                markup[i] = true;
                open[kind] = None;
            }
            None if opens => open[kind] = Some(i),
            _ => {}
        }
    }
    markup
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::text;

    fn styled(t: &str, bold: bool, italic: bool) -> Span {
        Span::Text {
            text: t.into(),
            bold,
            italic,
        }
    }

    #[test]
    fn plain_text_is_one_plain_span() {
        assert_eq!(parse_inline(""), Vec::<Span>::new());
        assert_eq!(parse_inline("Kế hoạch – 2021"), [text("Kế hoạch – 2021")]);
    }

    #[test]
    fn paired_stars_give_bold_and_italic() {
        assert_eq!(
            parse_inline("a **b** *c*"),
            [
                text("a "),
                styled("b", true, false),
                text(" "),
                styled("c", false, true),
            ]
        );
        assert_eq!(
            parse_inline("**Lưu ý:** nộp trước *(ngày 15)*."),
            [
                styled("Lưu ý:", true, false),
                text(" nộp trước "),
                styled("(ngày 15)", false, true),
                text("."),
            ]
        );
        assert_eq!(
            parse_inline("**đậm *và nghiêng* đậm**"),
            [
                styled("đậm ", true, false),
                styled("và nghiêng", true, true),
                styled(" đậm", true, false),
            ]
        );
    }

    #[test]
    fn a_star_that_reads_as_text_prints_as_typed() {
        for typed in [
            "Số liệu (*) là số ước tính; điểm 7,5* chưa thẩm định.",
            "Diện tích 2 * 3 m và 2*3 m",
            "Một dấu * lẻ",
            "** không phải đậm **",
            "*chưa đóng",
            "a*b*c",
            "Ghi chú (**)",
        ] {
            assert_eq!(parse_inline(typed), [text(typed)], "{typed}");
        }
        assert_eq!(
            parse_inline("(*) Số liệu **ước tính**"),
            [text("(*) Số liệu "), styled("ước tính", true, false)]
        );
    }

    #[test]
    fn escapes_give_a_star_a_backslash_and_a_break() {
        assert_eq!(
            parse_inline("\\*a\\* b\\\\\\nc"),
            [text("*a* b\\"), Span::Break, text("c")]
        );
    }
}
