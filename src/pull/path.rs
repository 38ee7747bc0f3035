//! Where a piece of text lives in a record: a path of keys and array positions such as
//! `tieu_chi[3].khac_phuc.giai_phap[0]`, written into the provenance of every .docx and read
//! back by `vanban pull`. One owner for its spelling and parsing, so the two always agree.

use std::fmt;
use std::sync::Arc;

/// One step of a path: a table key, or a position in an array (of values or of tables).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Step {
    /// Shared: a record of ten thousand tasks repeats a few keys in every path.
    Key(Arc<str>),
    Index(usize),
}

/// A field of a record, from the document's root.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct FieldPath(pub Vec<Step>);

impl FieldPath {
    pub(crate) fn child(&self, step: Step) -> FieldPath {
        let mut steps = self.0.clone();
        steps.push(step);
        FieldPath(steps)
    }

    /// The array a path ends in a position of, with the position: `a.b[2]` → (`a.b`, 2); for
    /// `a.b[2]."-"` (a block written as an inline table) the block's own position is taken.
    pub(crate) fn array_position(&self) -> Option<(FieldPath, usize)> {
        let steps = &self.0;
        let index_at = match steps.last()? {
            Step::Index(_) => steps.len() - 1,
            Step::Key(_) if steps.len() >= 2 => match steps[steps.len() - 2] {
                Step::Index(_) => steps.len() - 2,
                Step::Key(_) => return None,
            },
            Step::Key(_) => return None,
        };
        match steps[index_at] {
            Step::Index(i) => Some((FieldPath(steps[..index_at].to_vec()), i)),
            Step::Key(_) => None,
        }
    }

    /// Parses the form [`fmt::Display`] writes; `None` for anything else.
    pub(crate) fn parse(text: &str) -> Option<FieldPath> {
        let mut steps = Vec::new();
        let mut chars = text.chars().peekable();
        let mut first = true;
        while let Some(&c) = chars.peek() {
            match c {
                '[' => {
                    chars.next();
                    let digits: String = chars.by_ref().take_while(|c| *c != ']').collect();
                    steps.push(Step::Index(digits.parse().ok()?));
                }
                '.' if !first => {
                    chars.next();
                    steps.push(Step::Key(key(&mut chars)?.into()));
                }
                _ if first => steps.push(Step::Key(key(&mut chars)?.into())),
                _ => return None,
            }
            first = false;
        }
        (!steps.is_empty()).then_some(FieldPath(steps))
    }
}

/// A key as written after a dot: bare, or quoted with `\"` and `\\` escapes.
fn key(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> Option<String> {
    let mut key = String::new();
    if chars.peek() == Some(&'"') {
        chars.next();
        loop {
            match chars.next()? {
                '"' => return Some(key),
                '\\' => key.push(chars.next()?),
                c => key.push(c),
            }
        }
    }
    while let Some(&c) = chars.peek() {
        if !is_bare(c) {
            break;
        }
        key.push(c);
        chars.next();
    }
    (!key.is_empty()).then_some(key)
}

fn is_bare(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

impl FieldPath {
    /// Writes the steps from `from` on as [`fmt::Display`] writes them within the whole path
    /// (a key after the first step is preceded by a dot), straight into `out`.
    pub(crate) fn write_from(&self, from: usize, out: &mut String) {
        for (i, step) in self.0.iter().enumerate().skip(from) {
            match step {
                Step::Index(n) => {
                    out.push('[');
                    push_number(out, *n);
                    out.push(']');
                }
                Step::Key(k) => {
                    if i > 0 {
                        out.push('.');
                    }
                    if k.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
                        && k.chars().all(is_bare)
                    {
                        out.push_str(k);
                    } else {
                        out.push('"');
                        out.push_str(&k.replace('\\', "\\\\").replace('"', "\\\""));
                        out.push('"');
                    }
                }
            }
        }
    }
}

/// Appends the decimal digits of `n`.
pub(crate) fn push_number(out: &mut String, n: usize) {
    let mut digits = [0_u8; 20];
    let mut at = digits.len();
    let mut n = n;
    loop {
        at -= 1;
        // A digit fits a byte.
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend(digits[at..].iter().map(|d| char::from(*d)));
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write_from(0, &mut out);
        f.write_str(&out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_written_as_clerks_read_them_and_parse_back() {
        for text in [
            "tieu_chi[3].khac_phuc.giai_phap[0]",
            "phan[0].noi_dung[2].\"-\"",
            "mo_dau[1]",
            "a.\"b \\\" c\".d",
        ] {
            let path = FieldPath::parse(text).unwrap();
            assert_eq!(path.to_string(), text);
        }
        assert!(FieldPath::parse("").is_none());
        let path = FieldPath::parse("a.\"b \\\" c\"[12].d").unwrap();
        let mut rest = String::new();
        path.write_from(2, &mut rest);
        assert_eq!(rest, "[12].d");
        assert!(FieldPath::parse("a[x]").is_none());
    }

    #[test]
    fn a_block_position_is_found_through_its_inline_table() {
        let path = FieldPath::parse("phan[0].noi_dung[2].\"-\"").unwrap();
        let (array, index) = path.array_position().unwrap();
        assert_eq!((array.to_string(), index), ("phan[0].noi_dung".into(), 2));
        assert!(
            FieldPath::parse("co_quan.ten")
                .unwrap()
                .array_position()
                .is_none()
        );
    }
}
