//! Turns the TOML parser's errors into messages a clerk can act on: pasting mistakes with the
//! form to write instead (`paste`), an unknown key with the nearest valid one ("did you mean
//! `trich_yeu`?"), a missing one with what to add, a wrong type in the clerk's words; and
//! finds escapes that decode to control characters, which vanban drops.
//!
//! Problems that vanban's own deserialisers find (a word outside a list, a bad body block)
//! travel through serde as text; [`refuse`] keeps them typed beside that text, so they come
//! back here as the message they were.

use std::cell::RefCell;
use std::ops::Range;

use super::paste;
use crate::messages::{Check, Lang, List, Message};

/// A parser error in the clerk's terms, with the span to underline.
pub(super) struct Explained {
    pub message: Message,
    pub help: Message,
    pub span: Range<usize>,
}

thread_local! {
    /// The typed problem behind the last [`refuse`] on this thread, with its English text.
    static REFUSED: RefCell<Option<(String, Message, Message)>> = const { RefCell::new(None) };
}

/// The serde error for a problem a deserialiser of the record found, keeping the typed
/// message and help for [`parser_error`].
pub(super) fn refuse<E: serde::de::Error>(
    message: impl Into<Message>,
    help: impl Into<Message>,
) -> E {
    let message = message.into();
    let english = message.text(Lang::En);
    REFUSED.with(|r| *r.borrow_mut() = Some((english.clone(), message, help.into())));
    E::custom(english)
}

/// The typed problem [`refuse`] recorded for a parser message with this text, if any.
fn refused(text: &str) -> Option<(Message, Message)> {
    REFUSED.with(|r| {
        let mut refused = r.borrow_mut();
        match refused.take() {
            Some((english, message, help)) if english == text => Some((message, help)),
            _ => None,
        }
    })
}

/// The message, help and span for an error of the TOML parser on `source`.
pub(super) fn parser_error(error: &toml::de::Error, source: &str) -> Explained {
    let span = error.span().unwrap_or(0..0);
    let text = error.message().trim();
    let explained = |(message, help): (Message, Message)| Explained {
        message,
        help,
        span: span.clone(),
    };
    if let Some(c) = source
        .get(span.start..)
        .and_then(|s| s.chars().next())
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        let code = format!("{:04X}", u32::from(c));
        return explained((
            Check::ControlCharacter { code }.into(),
            Check::DeleteControl.into(),
        ));
    }
    if let Some(found) = refused(text) {
        return explained(found);
    }
    let mistake = (!is_data_error(text))
        .then(|| paste::recognise(source, span.start))
        .flatten();
    if let Some(mistake) = mistake {
        return Explained {
            message: mistake.message,
            help: mistake.help,
            span: mistake.span,
        };
    }
    if let Some(string) = quoted_value(text, "invalid type: string \"") {
        if let Some(mistake) = paste::slash_date_mistake(source, string, span.clone()) {
            return Explained {
                message: mistake.message,
                help: mistake.help,
                span: mistake.span,
            };
        }
    }
    let key_at_span = source.get(span.clone()).unwrap_or_default().trim();
    explained(explain(text, key_at_span))
}

/// Whether serde (not the TOML syntax) refused the value: the text is well formed there, so
/// it is no pasting mistake of syntax.
fn is_data_error(text: &str) -> bool {
    [
        "unknown field",
        "missing field",
        "duplicate field",
        "invalid type",
        "invalid value",
        "invalid length",
        "unknown variant",
    ]
    .iter()
    .any(|prefix| text.starts_with(prefix))
}

/// The text between `prefix` and the next `"` of `text`.
fn quoted_value<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(prefix)?;
    rest.rsplit_once("\", expected").map(|(value, _)| value)
}

/// The keys of a record's top level, as serde reads them: the fields `Record` declares,
/// asked of its derived `Deserialize`, so no list is kept beside the struct.
fn top_level_keys() -> &'static [&'static str] {
    use serde::de::{Error as _, Visitor, value::Error};
    struct Fields<'a>(&'a mut &'static [&'static str]);
    impl<'de> serde::Deserializer<'de> for Fields<'_> {
        type Error = Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
            Err(Error::custom("a record is a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Error> {
            *self.0 = fields;
            Err(Error::custom("only its fields were asked for"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
            byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map enum
            identifier ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = <super::Record as serde::Deserialize>::deserialize(Fields(&mut fields));
    fields
}

/// (message, help) for a parser message; `at_span` is the source text it points at.
fn explain(message: &str, at_span: &str) -> (Message, Message) {
    let fix_here = || Message::from(Check::FixTomlHere);
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or_default().to_string();
        let expected = quoted_after(message, "expected");
        let belongs_on_top = top_level_keys().contains(&key.as_str()) && !expected.contains(&key);
        let help = match nearest(&key, &expected) {
            _ if belongs_on_top => Check::MoveAboveTables { key: key.clone() },
            Some(best) => Check::DidYouMean {
                best: best.to_string(),
                keys: List(expected.clone()),
            },
            None => Check::KeysHere {
                keys: List(expected.clone()),
            },
        };
        return (Check::UnknownKey { key }.into(), help.into());
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or_default().to_string();
        return (
            Check::MissingKey { key: key.clone() }.into(),
            Check::AddKey { key }.into(),
        );
    }
    if message.starts_with("invalid date") || message.starts_with("invalid datetime") {
        let last = |field: &str| {
            message
                .split_once(&format!("{field} between 01 and "))
                .and_then(|(_, last)| last.trim().parse().ok())
        };
        let problem = match (last("day"), last("month")) {
            (Some(last), _) => Check::DayOutOfRange { last },
            (None, Some(last)) => Check::MonthOutOfRange { last },
            (None, None) => Check::InvalidDate,
        };
        return (problem.into(), Check::WriteRealDate.into());
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let typed = rest
            .rsplit_once(", expected ")
            .and_then(|(found, expected)| {
                Some(Check::InvalidType {
                    found: Box::new(found_value(found)?.into()),
                    expected: Box::new(expected_value(expected)?.into()),
                })
            });
        if let Some(typed) = typed {
            return (typed.into(), Check::WriteTypesRight.into());
        }
    }
    let description = message.split(", expected").next().unwrap_or(message);
    let syntax = match description {
        "missing comma between array elements" => Check::SyntaxMissingComma,
        "missing comma between key-value pairs" => Check::SyntaxMissingCommaInTable,
        "missing assignment between key-value pairs" | "key with no value" => {
            Check::SyntaxMissingEquals
        }
        "string values must be quoted" if at_span.is_empty() => Check::SyntaxMissingValue,
        "string values must be quoted" => Check::SyntaxUnquotedText,
        "unclosed array" => Check::SyntaxUnclosedList,
        "unclosed table" | "unclosed inline table" | "unclosed array table" => {
            Check::SyntaxUnclosedTable
        }
        "duplicate key" => Check::SyntaxDuplicateKey {
            key: at_span.to_string(),
        },
        "missing value" | "missing value for key" => Check::SyntaxMissingValue,
        "unexpected key or value" | "unexpected content" => Check::SyntaxAfterValue,
        "invalid basic string" => Check::SyntaxUnclosedString,
        "cannot recurse further; max recursion depth met" => Check::SyntaxTooDeep,
        "invalid value" if message.contains("unicode hexadecimal value") => {
            Check::SyntaxBadUnicodeEscape
        }
        "missing escaped value" => {
            return (
                Check::SyntaxInvalidEscape.into(),
                Check::UseLiteralString.into(),
            );
        }
        _ => Check::SyntaxOther {
            detail: message.to_string(),
        },
    };
    (syntax.into(), fix_here())
}

/// serde's account of the value it found (`string "x"`, `integer `5``, `sequence`).
fn found_value(found: &str) -> Option<Check> {
    let between = |prefix: &str, close: char| {
        found
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(close))
            .map(str::to_string)
    };
    Some(match found {
        "sequence" => Check::FoundList,
        "map" => Check::FoundTable,
        _ if found.contains("datetime") => Check::FoundDate,
        _ => {
            if let Some(text) = between("string \"", '"') {
                Check::FoundText { text }
            } else if let Some(text) = between("integer `", '`') {
                Check::FoundWhole { text }
            } else if let Some((text, _)) = found
                .strip_prefix("integer `")
                .and_then(|rest| rest.split_once("` as "))
            {
                // Too large for any integer type: serde names the type it tried last.
                Check::FoundWhole {
                    text: text.to_string(),
                }
            } else if let Some(text) = between("floating point `", '`') {
                Check::FoundNumber { text }
            } else if let Some(text) = between("boolean `", '`') {
                Check::FoundBoolean { text }
            } else {
                return None;
            }
        }
    })
}

/// What serde expected (`i64`, `a sequence`, a visitor's own description).
fn expected_value(expected: &str) -> Option<Check> {
    Some(match expected {
        "i64" | "u64" | "u32" | "i32" | "usize" | "an integer" => Check::ExpectedWhole,
        "f64" | "f32" | "a number" => Check::ExpectedNumber,
        "a sequence" => Check::ExpectedList,
        "a string" => Check::ExpectedText,
        "a TOML datetime" | "a date" => Check::ExpectedDate,
        "a boolean" => Check::ExpectedBoolean,
        _ if expected.starts_with("struct ") || expected == "a map" => Check::ExpectedTable,
        _ if expected.starts_with("a paragraph (a string)") => Check::ExpectedBlock,
        _ => return None,
    })
}

/// Spans of escapes inside basic strings (`\u0007`, `\b`, `\f`, …) that decode to a control
/// character other than tab and newline; vanban drops those characters, so the clerk is told.
/// Backslashes in comments and in literal strings ('C:\dir') are not escapes.
pub(super) fn escaped_controls(source: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    // Without a backslash there is no escape: most records, read without finding their strings.
    if !crate::text::has_any(source, b"\\") {
        return spans;
    }
    for string in paste::strings(source).into_iter().filter(|s| s.basic) {
        let text = &source[string.span.clone()];
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] != b'\\' {
                i += 1;
                continue;
            }
            let rest = &text[i + 1..];
            let (length, code) = match rest.as_bytes().first() {
                Some(b'b') => (2, Some(0x08)),
                Some(b'f') => (2, Some(0x0c)),
                Some(b'e') => (2, Some(0x1b)),
                Some(b'u') => (
                    6,
                    rest.get(1..5).and_then(|h| u32::from_str_radix(h, 16).ok()),
                ),
                Some(b'U') => (
                    10,
                    rest.get(1..9).and_then(|h| u32::from_str_radix(h, 16).ok()),
                ),
                _ => (2, None),
            };
            let control = code
                .and_then(char::from_u32)
                .is_some_and(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
            if control {
                let start = string.span.start + i;
                spans.push(start..(start + length).min(string.span.end));
            }
            i += length;
        }
    }
    spans
}

/// Every `quoted` name after `marker` in `text`.
fn quoted_after(text: &str, marker: &str) -> Vec<String> {
    let Some(at) = text.find(marker) else {
        return Vec::new();
    };
    text[at..]
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// The candidate closest to `word`, if it is close enough to be a typo.
fn nearest<'a>(word: &str, candidates: &'a [String]) -> Option<&'a str> {
    let (best, distance) = candidates
        .iter()
        .map(|c| (c.as_str(), edit_distance(word, c)))
        .min_by_key(|(_, d)| *d)?;
    (distance <= 2.max(word.chars().count() / 3)).then_some(best)
}

/// Levenshtein distance over characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_level_keys_are_the_records_fields() {
        let keys = top_level_keys();
        for key in [
            "loai",
            "trich_yeu",
            "ket_thuc",
            "co_quan",
            "tieu_chi",
            "phu_luc",
        ] {
            assert!(keys.contains(&key), "{key} in {keys:?}");
        }
        assert!(!keys.contains(&"ten"));
    }

    fn en(pair: &(Message, Message)) -> (String, String) {
        (pair.0.text(Lang::En), pair.1.text(Lang::En))
    }

    #[test]
    fn unknown_key_suggests_the_nearest() {
        let (message, help) = en(&explain(
            "unknown field `trich_yue`, expected one of `loai`, `so`, `trich_yeu`, `co_quan`",
            "",
        ));
        assert_eq!(message, "unknown key `trich_yue`");
        assert!(help.starts_with("did you mean `trich_yeu`?"), "{help}");
        let (_, help) = en(&explain("unknown field `xyz`, expected `ten` or `luu`", ""));
        assert!(help.starts_with("keys here: ten, luu"), "{help}");
    }

    #[test]
    fn missing_key_says_what_to_add() {
        let (message, help) = en(&explain("missing field `trich_yeu`", ""));
        assert_eq!(message, "missing key `trich_yeu`");
        assert!(help.contains("add `trich_yeu = …`"));
    }

    #[test]
    fn types_and_dates_are_said_in_the_clerks_words() {
        let (message, _) = en(&explain(
            "invalid type: string \"mười tám\", expected i64",
            "",
        ));
        assert_eq!(
            message,
            "invalid type: string \"mười tám\", expected a whole number"
        );
        let (message, _) = en(&explain("invalid date, expected day between 01 and 28", ""));
        assert_eq!(message, "invalid date, expected day between 01 and 28");
        let (message, _) = en(&explain("duplicate key", "so"));
        assert_eq!(message, "the key `so` is written twice");
    }

    #[test]
    fn a_refused_word_comes_back_typed_once() {
        let error: toml::de::Error = refuse(
            Check::UnknownKind { value: "x".into() },
            Check::SupportedKinds,
        );
        assert_eq!(
            refused(error.message()).map(|(m, _)| m.code()),
            Some("E0130")
        );
        assert_eq!(refused(error.message()), None);
    }

    #[test]
    fn escaped_controls_are_found_but_not_escaped_backslashes() {
        let source = r#"a = "x\u0007y\bz\\b\n\u00e9""#;
        let spans = escaped_controls(source);
        let found: Vec<&str> = spans.iter().map(|s| &source[s.clone()]).collect();
        assert_eq!(found, [r"\u0007", r"\b"]);
    }

    #[test]
    fn a_record_without_a_backslash_has_no_escapes() {
        assert!(escaped_controls("a = \"x\ty\"\nb = 'z'\n").is_empty());
        assert_eq!(
            escaped_controls("a = \"\\f\""),
            [Range { start: 5, end: 7 }]
        );
    }

    #[test]
    fn backslashes_in_comments_and_literal_strings_are_not_escapes() {
        let source = "# C:\\bin\\fonts\na = 'C:\\bin\\u0007'\nb = '''\\f'''\nc = \"\\b\" # \\f\n";
        let spans = escaped_controls(source);
        let found: Vec<&str> = spans.iter().map(|s| &source[s.clone()]).collect();
        assert_eq!(found, [r"\b"]);
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("trich_yue", "trich_yeu"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("ngày", "ngay"), 1);
    }
}
