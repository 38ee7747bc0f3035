//! Turns the TOML parser's messages into ones a clerk can act on: an unknown key gets the
//! nearest valid key ("did you mean `trich_yeu`?"), a missing one says what to add.

/// Returns (message, help) for a parser message.
pub fn explain(message: &str) -> (String, String) {
    let message = message.trim();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let unknown = rest.split('`').next().unwrap_or_default();
        let expected = quoted_after(message, "expected");
        let help = match nearest(unknown, &expected) {
            Some(best) => format!("did you mean `{best}`? Keys here: {}", expected.join(", ")),
            None => format!("keys here: {}", expected.join(", ")),
        };
        return (format!("unknown key `{unknown}`"), help);
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let missing = rest.split('`').next().unwrap_or_default();
        return (
            format!("missing key `{missing}`"),
            format!("add `{missing} = …` to this table; README \"Record format\" shows an example"),
        );
    }
    if message.starts_with("invalid date") || message.starts_with("invalid datetime") {
        return (
            message.to_string(),
            "write a real calendar date as YYYY-MM-DD, e.g. 2021-02-28".to_string(),
        );
    }
    if message.starts_with("invalid type") {
        let readable = message
            .replace("expected i64", "expected a whole number")
            .replace("expected f64", "expected a number")
            .replace("expected a sequence", "expected a list [ … ]");
        return (
            readable,
            "numbers and dates are written without quotes, text with quotes, lists in [ ]"
                .to_string(),
        );
    }
    (
        message.to_string(),
        "fix the TOML at this place; README \"Record format\" lists every key".to_string(),
    )
}

/// (message, help) for a raw control character, usually pasted in from Word or a PDF.
pub fn control_character(c: char) -> (String, String) {
    (
        format!(
            "control character U+{:04X} cannot appear in a document",
            u32::from(c)
        ),
        "delete it (it often comes with text pasted from Word or a PDF); for a new \
         paragraph start a new list item"
            .to_string(),
    )
}

/// Spans of escapes in `source` (`\u0007`, `\b`, `\f`, …) that decode to a control
/// character other than tab and newline; vanban drops those characters, so the clerk is told.
pub fn escaped_controls(source: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = source.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let rest = &source[i + 1..];
        let (length, code) = match rest.as_bytes().first() {
            Some(b'b') => (2, Some(0x08)),
            Some(b'f') => (2, Some(0x0c)),
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
            spans.push(i..(i + length).min(source.len()));
        }
        i += length;
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
    fn unknown_key_suggests_the_nearest() {
        let (message, help) = explain(
            "unknown field `trich_yue`, expected one of `loai`, `so`, `trich_yeu`, `co_quan`",
        );
        assert_eq!(message, "unknown key `trich_yue`");
        assert!(help.starts_with("did you mean `trich_yeu`?"), "{help}");
        let (_, help) = explain("unknown field `xyz`, expected `ten` or `luu`");
        assert!(help.starts_with("keys here: ten, luu"), "{help}");
    }

    #[test]
    fn missing_key_says_what_to_add() {
        let (message, help) = explain("missing field `trich_yeu`");
        assert_eq!(message, "missing key `trich_yeu`");
        assert!(help.contains("add `trich_yeu = …`"));
    }

    #[test]
    fn escaped_controls_are_found_but_not_escaped_backslashes() {
        let source = r#"a = "x\u0007y\bz\\b\n\u00e9""#;
        let spans = escaped_controls(source);
        let found: Vec<&str> = spans.iter().map(|s| &source[s.clone()]).collect();
        assert_eq!(found, [r"\u0007", r"\b"]);
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("trich_yue", "trich_yeu"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("ngày", "ngay"), 1);
    }
}
