//! Messages in the clerk's language: Vietnamese when the locale is Vietnamese (`LANG=vi_VN…`)
//! or with `--lang vi`, English otherwise.
//!
//! Code writes its messages in English, as the snapshot tests lock them; they are translated
//! once, where they are printed ([`tr`]), by matching them against the patterns of
//! [`catalog::VI`], in which `{}` stands for a value (a key, a path, a number) that is carried
//! over unchanged. A message with no pattern is shown in English rather than not at all; a
//! test renders every bad fixture in Vietnamese and fails on any message left in English.

mod catalog;

use std::borrow::Cow;
use std::sync::OnceLock;

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Vi,
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Chooses the language: the `--lang` value if given, else the POSIX locale variables in their
/// order of precedence (LC_ALL, LC_MESSAGES, LANG; the first one set decides).
pub fn detect(flag: Option<&str>, env: impl Fn(&str) -> Option<String>) -> Lang {
    let chosen = flag.map(str::to_string).or_else(|| {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| env(name).filter(|v| !v.is_empty()))
    });
    match chosen {
        Some(value) if value.to_ascii_lowercase().starts_with("vi") => Lang::Vi,
        _ => Lang::En,
    }
}

/// Sets the language for the rest of the process (the first call wins).
pub fn set(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language in use; English until [`set`] is called (as in the library and its tests).
pub fn current() -> Lang {
    LANG.get().copied().unwrap_or(Lang::En)
}

/// `message` in the current language, line by line.
pub fn tr(message: &str) -> Cow<'_, str> {
    match current() {
        Lang::En => Cow::Borrowed(message),
        Lang::Vi => Cow::Owned(
            message
                .split('\n')
                .map(|line| translate(line).unwrap_or_else(|| line.to_string()))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
    }
}

/// The Vietnamese of one line, or `None` when the catalog has no pattern for it. Of several
/// matching patterns the most specific (most fixed text) wins; the values a pattern carries
/// are translated in turn where they are words or messages themselves.
pub fn translate(line: &str) -> Option<String> {
    if line.trim().is_empty() {
        return Some(line.to_string());
    }
    let (vi, values) = catalog::VI
        .iter()
        .filter_map(|(en, vi)| captures(en, line).map(|values| (en, vi, values)))
        .max_by_key(|(en, _, _)| en.len() - 2 * en.matches("{}").count())
        .map(|(_, vi, values)| (vi, values))?;
    let values: Vec<String> = values.into_iter().map(translate_value).collect();
    Some(fill(vi, &values))
}

/// A value carried by a pattern: a word of [`catalog::VALUES`] (alone or leading, as in
/// `string "mười tám"`), a message of its own, or else itself (a key, a path, a number).
fn translate_value(value: &str) -> String {
    for (en, vi) in catalog::VALUES {
        if value == *en {
            return (*vi).to_string();
        }
        if let Some(rest) = value.strip_prefix(en).filter(|r| r.starts_with(' ')) {
            return format!("{vi}{rest}");
        }
    }
    if value.trim().is_empty() {
        return value.to_string();
    }
    translate(value).unwrap_or_else(|| value.to_string())
}

/// The values `{}` stands for when `line` matches the English `pattern`.
fn captures<'a>(pattern: &str, line: &'a str) -> Option<Vec<&'a str>> {
    let mut pieces = pattern.split("{}");
    let first = pieces.next().unwrap_or("");
    let mut rest = line.strip_prefix(first)?;
    let pieces: Vec<&str> = pieces.collect();
    let mut values = Vec::with_capacity(pieces.len());
    for (i, piece) in pieces.iter().enumerate() {
        let end = if i + 1 == pieces.len() {
            if !rest.ends_with(piece) {
                return None;
            }
            rest.len() - piece.len()
        } else if piece.is_empty() {
            return None;
        } else {
            rest.find(piece)?
        };
        values.push(&rest[..end]);
        rest = &rest[end + piece.len()..];
    }
    // Without values the line must be the pattern itself; with them the last piece was
    // matched at the end.
    (!pieces.is_empty() || rest.is_empty()).then_some(values)
}

/// The Vietnamese pattern with `{0}`, `{1}`, … replaced by the captured values.
fn fill(pattern: &str, values: &[String]) -> String {
    let mut out = pattern.to_string();
    for (i, value) in values.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn the_flag_wins_then_the_locale_in_posix_order() {
        assert_eq!(
            detect(Some("vi"), env(&[("LANG", "en_US.UTF-8")])),
            Lang::Vi
        );
        assert_eq!(
            detect(Some("en"), env(&[("LANG", "vi_VN.UTF-8")])),
            Lang::En
        );
        assert_eq!(detect(None, env(&[("LANG", "vi_VN.UTF-8")])), Lang::Vi);
        assert_eq!(
            detect(None, env(&[("LC_ALL", "C"), ("LANG", "vi_VN.UTF-8")])),
            Lang::En
        );
        assert_eq!(
            detect(None, env(&[("LC_ALL", ""), ("LC_MESSAGES", "vi_VN")])),
            Lang::Vi
        );
        assert_eq!(detect(None, env(&[])), Lang::En);
    }

    #[test]
    fn patterns_capture_values_and_need_a_whole_match() {
        assert_eq!(
            captures("unknown key `{}`", "unknown key `trich_yue`"),
            Some(vec!["trich_yue"])
        );
        assert_eq!(
            captures("unknown key `{}`", "unknown key `a` and more"),
            None
        );
        assert_eq!(
            captures("{} written, {} unchanged", "3 written, 1 unchanged"),
            Some(vec!["3", "1"])
        );
        assert_eq!(
            captures("fix the TOML first", "fix the TOML first"),
            Some(vec![])
        );
        assert_eq!(captures("fix the TOML first", "fix the TOML first!"), None);
        let values = ["a".to_string(), "b".to_string()];
        assert_eq!(fill("khóa `{0}` ({1})", &values), "khóa `a` (b)");
    }

    #[test]
    fn the_most_specific_pattern_wins() {
        let line = "error: unexpected argument '--x' found";
        assert_eq!(
            translate(line).as_deref(),
            Some("lỗi: không có tham số '--x'")
        );
        assert_eq!(
            translate("unknown key `trich_yue`").as_deref(),
            Some("không có khóa `trich_yue`")
        );
    }

    #[test]
    fn every_vietnamese_pattern_uses_each_value_of_its_english_one() {
        for (en, vi) in catalog::VI {
            let n = en.matches("{}").count();
            for i in 0..n {
                assert!(vi.contains(&format!("{{{i}}}")), "{en} → {vi}: no {{{i}}}");
            }
            assert!(
                !vi.contains(&format!("{{{n}}}")),
                "{en} → {vi}: extra value"
            );
            assert!(
                !en.contains("{}{}"),
                "{en}: adjacent values cannot be told apart"
            );
        }
    }

    #[test]
    fn values_that_are_words_or_messages_are_translated_too() {
        assert_eq!(
            translate("invalid type: string \"mười tám\", expected a whole number").as_deref(),
            Some("sai kiểu: chuỗi \"mười tám\", cần một số nguyên")
        );
        assert_eq!(
            translate("error: unknown key `x`").as_deref(),
            Some("lỗi: không có khóa `x`")
        );
        assert_eq!(
            translate("the plan `a.toml` does not exist").as_deref(),
            Some("không có kế hoạch `a.toml`")
        );
    }

    #[test]
    fn english_is_left_alone_and_each_line_is_translated() {
        assert_eq!(captures("{}", "anything"), Some(vec!["anything"]));
        assert_eq!(
            translate("no such line in the catalog, surely"),
            None,
            "a pattern matches everything"
        );
    }
}
