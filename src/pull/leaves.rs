//! The text of a record, field by field: every string value with its path and line, and the
//! forms in which a document shows it (as written, or with the `**`/`*` emphasis of body
//! text taken out). Provenance matches a document's paragraphs against these; `pull` reads
//! the same fields of the record on disk to find what changed since the render.

use toml_edit::{Item, Value};

use super::path::{FieldPath, Step};

/// One string of a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Leaf {
    pub path: FieldPath,
    /// The value, cleaned as records are (NFC, no control characters).
    pub value: String,
    /// What a document shows of it when it carries emphasis markup; `None` when the same.
    pub shown: Option<String>,
    /// 1-based line of the value in the record.
    pub line: usize,
}

impl Leaf {
    /// The text a document shows.
    pub(crate) fn visible(&self) -> &str {
        self.shown.as_deref().unwrap_or(&self.value)
    }
}

/// Every string value of `source`, in the order they are written. `None` when it is not TOML
/// (a record that loads is always TOML).
pub(crate) fn of(source: &str) -> Option<Vec<Leaf>> {
    let document = toml_edit::Document::parse(source).ok()?;
    let lines = LineIndex::new(source);
    let mut leaves = Vec::new();
    walk_table(
        document.as_table(),
        &FieldPath::default(),
        &lines,
        &mut leaves,
    );
    leaves.sort_by_key(|l| l.line);
    Some(leaves)
}

fn walk_table(
    table: &dyn toml_edit::TableLike,
    path: &FieldPath,
    lines: &LineIndex,
    out: &mut Vec<Leaf>,
) {
    for (key, item) in table.iter() {
        walk_item(item, &path.child(Step::Key(key.to_string())), lines, out);
    }
}

fn walk_item(item: &Item, path: &FieldPath, lines: &LineIndex, out: &mut Vec<Leaf>) {
    match item {
        Item::Value(value) => walk_value(value, path, lines, out),
        Item::Table(table) => walk_table(table, path, lines, out),
        Item::ArrayOfTables(array) => {
            for (i, table) in array.iter().enumerate() {
                walk_table(table, &path.child(Step::Index(i)), lines, out);
            }
        }
        Item::None => {}
    }
}

fn walk_value(value: &Value, path: &FieldPath, lines: &LineIndex, out: &mut Vec<Leaf>) {
    match value {
        Value::String(s) => {
            let clean = crate::text::clean(s.value());
            let shown = emphasis_taken_out(&clean);
            out.push(Leaf {
                path: path.clone(),
                shown: (shown != clean).then_some(shown),
                value: clean,
                line: value.span().map_or(0, |s| lines.line(s.start)),
            });
        }
        Value::Array(array) => {
            for (i, v) in array.iter().enumerate() {
                walk_value(v, &path.child(Step::Index(i)), lines, out);
            }
        }
        Value::InlineTable(table) => walk_table(table, path, lines, out),
        _ => {}
    }
}

/// What body text shows of a value written with `**bold**` or `*italic*`: the markup the
/// templates' emphasis filter lets through, taken out as the page takes it out.
fn emphasis_taken_out(text: &str) -> String {
    let markup = crate::blocks::escape(text).replace("\\*", "*");
    crate::blocks::parse_inline(&markup)
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
        let source = "trich_yeu = \"Kế hoạch\"\nso = 3\n[[phan]]\nnoi_dung = [\"a **b**\", { \"-\" = \"c\" }]\n";
        let leaves = of(source).unwrap();
        let found: Vec<(String, &str, Option<&str>, usize)> = leaves
            .iter()
            .map(|l| {
                (
                    l.path.to_string(),
                    l.value.as_str(),
                    l.shown.as_deref(),
                    l.line,
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("trich_yeu".into(), "Kế hoạch", None, 1),
                ("phan[0].noi_dung[0]".into(), "a **b**", Some("a b"), 4),
                ("phan[0].noi_dung[1].\"-\"".into(), "c", None, 4),
            ]
        );
    }
}
