//! Mistakes that come from pasting text into a record, recognised from the source around the
//! place the TOML parser stopped: a quote inside a string, a line break inside a string, a
//! date written 20/3/2026, a decimal comma, a tab or non-breaking space inside a key, curly
//! quotes. Each is answered with the form to write instead.
//!
//! The parser's own words for these ("expected newline, `#`", "missing comma") describe the
//! grammar, not the mistake; the shapes here are checked first.

use std::ops::Range;

use crate::messages::{Check, Message};

/// A recognised mistake: what it is, the right form, and the span to underline.
pub(super) struct Mistake {
    pub message: Message,
    pub help: Message,
    pub span: Range<usize>,
}

/// A TOML string in the source, as the scanner saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Quoted {
    /// From the opening quote to after the closing one (or to the line end when unclosed).
    pub span: Range<usize>,
    /// `"…"` or `"""…"""`, where backslash escapes apply.
    pub basic: bool,
    /// A one-line string that met the end of its line before its closing quote.
    pub unclosed: bool,
}

/// The strings of `source`, skipping comments; good enough to tell where text is quoted even
/// in a file the parser refuses (it resumes after an unclosed string's line).
pub(super) fn strings(source: &str) -> Vec<Quoted> {
    let bytes = source.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                i = source[i..].find('\n').map_or(bytes.len(), |n| i + n);
            }
            quote @ (b'"' | b'\'') => {
                let basic = quote == b'"';
                let triple = if basic { "\"\"\"" } else { "'''" };
                let start = i;
                if source[i..].starts_with(triple) {
                    let end = source[i + 3..]
                        .find(triple)
                        .map_or(bytes.len(), |n| i + 3 + n + 3);
                    found.push(Quoted {
                        span: start..end,
                        basic,
                        unclosed: false,
                    });
                    i = end;
                    continue;
                }
                i += 1;
                let mut unclosed = true;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' if basic => i += 2,
                        b'\n' => break,
                        b if b == quote => {
                            i += 1;
                            unclosed = false;
                            break;
                        }
                        _ => i += 1,
                    }
                }
                let end = i.min(bytes.len());
                let end = if unclosed {
                    trim_line_end(source, end)
                } else {
                    end
                };
                found.push(Quoted {
                    span: start..end,
                    basic,
                    unclosed,
                });
            }
            _ => i += 1,
        }
    }
    found
}

fn trim_line_end(source: &str, end: usize) -> usize {
    let mut end = end;
    while end > 0 && source.as_bytes()[end - 1] == b'\r' {
        end -= 1;
    }
    end
}

/// The mistake behind a parser error at `at`, if it is one of the pasting mistakes.
pub(super) fn recognise(source: &str, at: usize) -> Option<Mistake> {
    let at = floor_boundary(source, at.min(source.len()));
    let quoted = strings(source);
    line_break_in_string(&quoted, at)
        .or_else(|| smart_quotes(source, at))
        .or_else(|| space_in_key(source, at))
        .or_else(|| quote_inside_string(source, &quoted, at))
        .or_else(|| slash_date(source, at))
        .or_else(|| decimal_comma(source, at))
}

fn floor_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The line of `source` around byte `at`.
fn line_around(source: &str, at: usize) -> Range<usize> {
    let start = source[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = source[at..].find('\n').map_or(source.len(), |i| at + i);
    start..trim_line_end(source, end).max(start)
}

fn line_break_in_string(quoted: &[Quoted], at: usize) -> Option<Mistake> {
    let string = quoted.iter().find(|q| q.unclosed && q.span.start <= at)?;
    // The place of the line break itself: the end of the line the string opens on.
    Some(Mistake {
        message: Check::LineBreakInString.into(),
        help: Check::LineBreakInStringHelp.into(),
        span: string.span.end..string.span.end,
    })
}

const CURLY_QUOTES: [char; 6] = ['“', '”', '„', '‘', '’', '‟'];

/// A curly quote where the parser stopped, or opening the value of its line: the parser
/// may read on into text quoted that way (a long trích yếu stopped at "6 tháng"), so the
/// quote that began it is named, not the place it gave up.
fn smart_quotes(source: &str, at: usize) -> Option<Mistake> {
    let line = line_around(source, at);
    // Where the line's value starts: after "=" and the spaces that follow it.
    let value = source[line.start..at].find('=').map(|eq| {
        let after = &source[line.start + eq + 1..];
        source.len() - after.trim_start_matches([' ', '\t']).len()
    });
    [Some(at), value].into_iter().flatten().find_map(|place| {
        let c = source[place..].chars().next()?;
        CURLY_QUOTES.contains(&c).then(|| Mistake {
            message: Check::SmartQuotes.into(),
            help: Check::SmartQuotesHelp.into(),
            span: place..place + c.len_utf8(),
        })
    })
}

fn space_in_key(source: &str, at: usize) -> Option<Mistake> {
    let line = line_around(source, at);
    let text = &source[line.clone()];
    let key_end = text.find('=').unwrap_or(text.len());
    if at > line.start + key_end {
        return None;
    }
    let key = &text[..key_end];
    let trimmed = key.trim_start_matches([' ', '\t']);
    let offset = line.start + (key.len() - trimmed.len());
    // A tab between the key and `=` is allowed; one between two parts of the key is not. A
    // non-breaking space is never part of a key.
    let inside = trimmed.trim_end_matches([' ', '\t']);
    let (i, c) = inside
        .char_indices()
        .find(|(_, c)| *c == '\t' || *c == '\u{a0}' || *c == '\u{202f}')?;
    let name = if c == '\t' {
        Check::Tab
    } else {
        Check::NonBreakingSpace
    };
    Some(Mistake {
        message: Check::SpaceInKey {
            name: Box::new(name.into()),
        }
        .into(),
        help: Check::SpaceInKeyHelp.into(),
        span: offset + i..offset + i + c.len_utf8(),
    })
}

fn quote_inside_string(source: &str, quoted: &[Quoted], at: usize) -> Option<Mistake> {
    let line = line_around(source, at);
    let string = quoted
        .iter()
        .rev()
        .find(|q| q.basic && !q.unclosed && line.contains(&q.span.start) && q.span.end <= at)?;
    let rest = source[string.span.end..line.end].trim_start();
    let follows_value = rest.starts_with([',', ']', '}', '#']) || rest.is_empty();
    (!follows_value && rest.contains('"')).then(|| Mistake {
        message: Check::QuoteInsideString.into(),
        help: Check::QuoteInsideStringHelp.into(),
        span: string.span.end - 1..string.span.end,
    })
}

/// The run of characters of a bare value starting at `at`.
fn bare_token(source: &str, at: usize) -> &str {
    let rest = &source[at..];
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ']' | '}' | '#' | '"'))
        .unwrap_or(rest.len());
    rest[..end].trim_end_matches(',')
}

/// `20/3/2026` as (day, month, year), if it has that shape.
pub(super) fn day_month_year(text: &str) -> Option<(u32, u32, i32)> {
    let mut parts = text.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    if parts.next().is_some() || !digits(d, 1..=2) || !digits(m, 1..=2) || !digits(y, 4..=4) {
        return None;
    }
    Some((d.parse().ok()?, m.parse().ok()?, y.parse().ok()?))
}

/// The key written before `=` on the line around `at` ("ngay" when there is none).
fn key_of_line(source: &str, at: usize) -> String {
    let line = &source[line_around(source, at)];
    line.split_once('=')
        .map(|(key, _)| key.trim())
        .filter(|key| !key.is_empty() && !key.contains(['[', '{', ',']))
        .unwrap_or("ngay")
        .to_string()
}

/// The message and help for a date written day/month/year, quoted or not, at `span` of
/// `source`.
pub(super) fn slash_date_mistake(source: &str, text: &str, span: Range<usize>) -> Option<Mistake> {
    let (day, month, year) = day_month_year(text)?;
    let key = key_of_line(source, span.start.min(source.len()));
    let help = match chrono::NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => Check::SlashDateHelp {
            key,
            iso: date.format("%Y-%m-%d").to_string(),
        },
        None => Check::SlashDateWrongHelp { key },
    };
    Some(Mistake {
        message: Check::SlashDate {
            text: text.to_string(),
        }
        .into(),
        help: help.into(),
        span,
    })
}

fn slash_date(source: &str, at: usize) -> Option<Mistake> {
    let token = bare_token(source, at);
    slash_date_mistake(source, token, at..at + token.len())
}

fn decimal_comma(source: &str, at: usize) -> Option<Mistake> {
    if !source[at..].starts_with(',') {
        return None;
    }
    // The number starts after the last character that is neither a digit nor a minus sign,
    // which may take several bytes ("ở" in "Sở,5").
    let before = source[..at]
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_digit() && *c != '-')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let after = source[at + 1..]
        .find(|c: char| !c.is_ascii_digit())
        .map_or(source.len(), |i| at + 1 + i);
    let (whole, fraction) = (&source[before..at], &source[at + 1..after]);
    let is_number = |s: &str| {
        s.trim_start_matches('-')
            .chars()
            .any(|c| c.is_ascii_digit())
    };
    if !is_number(whole) || fraction.is_empty() {
        return None;
    }
    let text = &source[before..after];
    Some(Mistake {
        message: Check::DecimalComma {
            text: text.to_string(),
        }
        .into(),
        help: Check::DecimalCommaHelp {
            point: format!("{whole}.{fraction}"),
            text: text.to_string(),
        }
        .into(),
        span: before..after,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::Lang;

    fn code(source: &str) -> Option<(&'static str, String)> {
        let error = toml::from_str::<toml::Table>(source).unwrap_err();
        let at = error.span().unwrap().start;
        recognise(source, at).map(|m| (m.message.code(), source[m.span].to_string()))
    }

    #[test]
    fn a_comma_after_a_letter_of_several_bytes_is_no_decimal_comma() {
        let source = "ngay? = 2021-03-1 đơn vị thuộc Sở, ĐVTT\"\n";
        assert_eq!(
            decimal_comma(source, source.find(',').unwrap()).map(|m| m.span),
            None
        );
        let source = "diem = Sở5,5\n";
        let at = source.find(',').unwrap();
        assert_eq!(&source[decimal_comma(source, at).unwrap().span], "5,5");
    }

    #[test]
    fn each_pasting_mistake_is_recognised_where_the_parser_stops() {
        assert_eq!(
            code("a = \"Kế hoạch \"ABC\" năm\"\n"),
            Some(("E0160", "\"".into()))
        );
        assert_eq!(
            code("a = \"dòng một\ndòng hai\"\n"),
            Some(("E0161", "".into()))
        );
        assert_eq!(code("a = [\"một\nhai\"]\n"), Some(("E0161", "".into())));
        assert_eq!(
            code("ngay = 20/3/2026\n"),
            Some(("E0162", "20/3/2026".into()))
        );
        assert_eq!(code("diem = 0,5\n"), Some(("E0164", "0,5".into())));
        assert_eq!(code("trich\tyeu = 1\n"), Some(("E0165", "\t".into())));
        assert_eq!(
            code("trich\u{a0}yeu = 1\n"),
            Some(("E0165", "\u{a0}".into()))
        );
        assert_eq!(code("a = “x”\n"), Some(("E0166", "“".into())));
        // The parser reads on into the words and stops at a comma: the quote is named.
        assert_eq!(
            code("trich_yeu = “Khắc phục tồn tại, hạn chế năm 2024”\n"),
            Some(("E0166", "“".into()))
        );
        assert_eq!(code("a = \"x “y”, z\" 2\n"), None);
        assert_eq!(code("a = 1 2\n"), None);
        assert_eq!(code("ten\t= 1\nten\t= 2\n"), None);
    }

    #[test]
    fn a_slash_date_is_answered_with_its_own_iso_form() {
        let source = "tinh_den = \"31/12/2020\"";
        let mistake = slash_date_mistake(source, "31/12/2020", 11..23).unwrap();
        assert_eq!(
            mistake.help.text(Lang::En),
            "write it as a TOML date, year-month-day and without quotes: tinh_den = 2020-12-31"
        );
        let impossible = slash_date_mistake("", "31/2/2020", 0..0).unwrap();
        assert_eq!(impossible.help.code(), "H0163");
        assert_eq!(day_month_year("1/2/20"), None);
        assert_eq!(day_month_year("20/3/2026"), Some((20, 3, 2026)));
    }

    #[test]
    fn the_scanner_skips_comments_and_knows_literal_strings() {
        let source = "# a \"quote\nx = 'C:\\dir' # \"\ny = \"a\\\"b\"\n";
        let found = strings(source);
        let texts: Vec<&str> = found.iter().map(|q| &source[q.span.clone()]).collect();
        assert_eq!(texts, ["'C:\\dir'", "\"a\\\"b\""]);
        assert!(!found[0].basic && found[1].basic);
    }
}
