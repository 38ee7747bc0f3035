//! The text of a record, field by field: every string value with its path and line, and the
//! forms in which a document shows it (as written, or with the `**`/`*` emphasis of body
//! text taken out). Provenance matches a document's paragraphs against these; `pull` reads
//! the same fields of the record on disk to find what changed since the render.

use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::sync::Arc;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::path::{FieldPath, Step};
use super::units::spaced;

/// One string of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Leaf {
    pub path: FieldPath,
    /// The value, cleaned as records are (NFC, no control characters).
    pub value: String,
    /// What a document shows of it, as units are compared ([`spaced`]): emphasis markup
    /// taken out, no-break spaces as spaces; `None` when the same as the value.
    pub shown: Option<String>,
    /// The value carries `**`/`*` emphasis markup, which the document shows as bold or
    /// italic text.
    pub emphasis: bool,
    /// 1-based line of the value in the record.
    pub line: usize,
}

impl Leaf {
    /// The text a document shows.
    pub(crate) fn visible(&self) -> &str {
        self.shown.as_deref().unwrap_or(&self.value)
    }
}

/// Every string value of a record, in the order they are written: `table` is the record
/// `source` parsed (its spanned tables, which keep no layout, so a record of ten thousand
/// tasks is read several times faster than as an editable document).
pub(crate) fn of(table: &DeTable<'_>, source: &str) -> Vec<Leaf> {
    let mut walk = Walk {
        path: Vec::new(),
        keys: FxHashMap::default(),
        lines: LineIndex::new(source),
        out: Vec::new(),
    };
    walk.table(table);
    in_line_order(walk.out)
}

/// `leaves` in the order of their lines (the walk gives each table's keys in alphabetical
/// order), those of one line in walk order. The lines are sorted, not the leaves, whose
/// moves were most of the sort's cost in a record of ten thousand tasks.
fn in_line_order(leaves: Vec<Leaf>) -> Vec<Leaf> {
    let mut order: Vec<(usize, usize)> = leaves.iter().map(|l| l.line).zip(0..).collect();
    order.sort_unstable();
    let mut slots: Vec<Option<Leaf>> = leaves.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|(_, i)| slots[i].take())
        .collect()
}

/// A walk through a record's tables, gathering its strings.
struct Walk {
    path: Vec<Step>,
    /// Each key once: ten thousand paths share the few keys of a record.
    keys: FxHashMap<String, Arc<str>>,
    lines: LineIndex,
    out: Vec<Leaf>,
}

impl Walk {
    fn table(&mut self, table: &DeTable<'_>) {
        for (key, value) in table {
            let key: &str = key.get_ref();
            let key = match self.keys.get(key) {
                Some(shared) => Arc::clone(shared),
                None => {
                    let shared: Arc<str> = key.into();
                    self.keys.insert(key.to_string(), Arc::clone(&shared));
                    shared
                }
            };
            self.path.push(Step::Key(key));
            self.value(value);
            self.path.pop();
        }
    }

    fn value(&mut self, value: &Spanned<DeValue<'_>>) {
        match value.get_ref() {
            DeValue::String(s) => {
                let clean = crate::text::clean(s);
                let emphasis = clean
                    .contains('*')
                    .then(|| emphasis_taken_out(&clean))
                    .filter(|shown| *shown != clean);
                let has_emphasis = emphasis.is_some();
                let shown =
                    emphasis
                        .map(|shown| spaced(shown).into_owned())
                        .or_else(|| match spaced(clean.as_str()) {
                            Cow::Owned(shown) => Some(shown),
                            Cow::Borrowed(_) => None,
                        });
                self.out.push(Leaf {
                    path: FieldPath(self.path.clone()),
                    shown,
                    emphasis: has_emphasis,
                    value: clean,
                    line: self.lines.line(value.span().start),
                });
            }
            DeValue::Array(array) => {
                for (i, v) in array.iter().enumerate() {
                    self.path.push(Step::Index(i));
                    self.value(v);
                    self.path.pop();
                }
            }
            DeValue::Table(table) => self.table(table),
            _ => {}
        }
    }
}

/// What body text shows of a value written with `**bold**` or `*italic*`: the markup the
/// templates' emphasis filter lets through, taken out as the page takes it out.
fn emphasis_taken_out(text: &str) -> String {
    let markup = crate::blocks::escape(text).replace("\\*", "*");
    crate::inline::parse_inline(&markup)
        .iter()
        .map(|span| match span {
            crate::model::Span::Text { text, .. } => text.as_str(),
            crate::model::Span::Break => "\n",
        })
        .collect()
}

/// Line numbers of byte offsets.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(source: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|s| *s <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_found_with_its_path_line_and_shown_form() {
        let source = "trich_yeu = \"Kế hoạch\"\nso = 3\n[[phan]]\nnoi_dung = [\"a **b**\", { \"-\" = \"c\" }, \"d\\u00a0e **f**\\u00a0g\", \"h\\u00a0i\"]\n";
        let leaves = of(DeTable::parse(source).unwrap().get_ref(), source);
        let found: Vec<(String, &str, Option<&str>, bool, usize)> = leaves
            .iter()
            .map(|l| {
                (
                    l.path.to_string(),
                    l.value.as_str(),
                    l.shown.as_deref(),
                    l.emphasis,
                    l.line,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("trich_yeu".into(), "Kế hoạch", None, false, 1),
                (
                    "phan[0].noi_dung[0]".into(),
                    "a **b**",
                    Some("a b"),
                    true,
                    4
                ),
                ("phan[0].noi_dung[1].\"-\"".into(), "c", None, false, 4),
                (
                    "phan[0].noi_dung[2]".into(),
                    "d\u{a0}e **f**\u{a0}g",
                    Some("d e f g"),
                    true,
                    4
                ),
                (
                    "phan[0].noi_dung[3]".into(),
                    "h\u{a0}i",
                    Some("h i"),
                    false,
                    4
                ),
            ]
        );
    }
}
