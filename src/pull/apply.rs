//! Writes changes into the record's TOML with toml_edit, so everything else of the file
//! (comments, order, spacing, the decoration of the value changed) stays as the clerk wrote
//! it. Elements of a list are added and removed from the last position to the first, so the
//! positions of the render stay true while the list is edited.

use std::collections::BTreeMap;

use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, Value};

use super::changes::{BlockKind, Change};
use super::path::{FieldPath, Step};

/// A place in a TOML document that a path leads to.
enum Node<'a> {
    Item(&'a mut Item),
    Table(&'a mut Table),
    Value(&'a mut Value),
}

fn step<'a>(node: Node<'a>, s: &Step) -> Option<Node<'a>> {
    match (node, s) {
        (Node::Table(t), Step::Key(k)) => t.get_mut(k).map(Node::Item),
        (Node::Item(Item::Table(t)), Step::Key(k)) => t.get_mut(k).map(Node::Item),
        (Node::Item(Item::ArrayOfTables(a)), Step::Index(i)) => a.get_mut(*i).map(Node::Table),
        (Node::Item(Item::Value(v)), s) => step(Node::Value(v), s),
        (Node::Value(Value::InlineTable(t)), Step::Key(k)) => t.get_mut(k).map(Node::Value),
        (Node::Value(Value::Array(a)), Step::Index(i)) => a.get_mut(*i).map(Node::Value),
        _ => None,
    }
}

fn find<'a>(document: &'a mut DocumentMut, path: &FieldPath) -> Option<Node<'a>> {
    let mut node = Node::Table(document.as_table_mut());
    for s in &path.0 {
        node = step(node, s)?;
    }
    Some(node)
}

fn array<'a>(document: &'a mut DocumentMut, path: &FieldPath) -> Option<&'a mut Array> {
    match find(document, path)? {
        Node::Item(Item::Value(Value::Array(a))) | Node::Value(Value::Array(a)) => Some(a),
        _ => None,
    }
}

fn table<'a>(document: &'a mut DocumentMut, path: &FieldPath) -> Option<&'a mut Table> {
    match find(document, path)? {
        Node::Table(t) | Node::Item(Item::Table(t)) => Some(t),
        _ => None,
    }
}

fn block(text: &str, kind: BlockKind) -> Value {
    let key = match kind {
        BlockKind::Plain => return Value::from(text),
        BlockKind::Dash => "-",
        BlockKind::Plus => "+",
    };
    let mut table = InlineTable::new();
    table.insert(key, Value::from(text));
    Value::InlineTable(table)
}

/// The layout of a new element at `index`: that of an element after the first (on a line of
/// its own in a list of lines, after ", " in a list on one line).
fn element_decor(list: &Array, index: usize) -> toml_edit::Decor {
    let later = if index >= 2 { index - 1 } else { 1 };
    if let Some(near) = list.get(later) {
        return near.decor().clone();
    }
    let first = list.get(0).map(|v| v.decor().clone()).unwrap_or_default();
    let on_lines = first
        .prefix()
        .and_then(|p| p.as_str())
        .is_some_and(|p| p.contains('\n'));
    if on_lines {
        first
    } else {
        toml_edit::Decor::new(" ", "")
    }
}

/// Applies `changes` to `document`; returns how many were written (one whose place is no
/// longer in the record is left out).
pub(crate) fn apply(
    document: &mut DocumentMut,
    changes: &[Change],
    date: Option<toml_edit::Datetime>,
) -> usize {
    let mut written = 0;
    // List edits by list, positions of the render, last first; a removal at `i` goes after
    // an insertion at `i + 1` and before one at `i`.
    let mut lists: BTreeMap<&FieldPath, Vec<(usize, u8, usize, &Change)>> = BTreeMap::new();
    for (n, change) in changes.iter().enumerate() {
        match change {
            Change::Set { path, after, .. } => {
                if let Some(Node::Item(Item::Value(v)) | Node::Value(v)) = find(document, path) {
                    let decor = v.decor().clone();
                    *v = Value::from(after.as_str());
                    *v.decor_mut() = decor;
                    written += 1;
                }
            }
            Change::Insert { array, index, .. } => {
                lists
                    .entry(array)
                    .or_default()
                    .push((index * 2, 1, n, change));
            }
            Change::Remove { array, index, .. } => {
                lists
                    .entry(array)
                    .or_default()
                    .push((index * 2 + 1, 0, n, change));
            }
            Change::Progress { item, text } => {
                if let Some(parent) = table(document, item) {
                    crate::progress::push_entry(parent, date, None, Some(text));
                    written += 1;
                }
            }
        }
    }
    for (path, mut edits) in lists {
        edits.sort_by_key(|e| std::cmp::Reverse((e.0, e.1, e.2)));
        let Some(list) = array(document, path) else {
            continue;
        };
        // Several paragraphs added at one place keep their order: each goes before the ones
        // added after it, which were inserted first.
        for (_, _, _, change) in edits {
            match change {
                Change::Insert {
                    index, text, kind, ..
                } if *index <= list.len() => {
                    let mut value = block(text, *kind);
                    *value.decor_mut() = element_decor(list, *index);
                    list.insert_formatted(*index, value);
                    written += 1;
                }
                Change::Remove { index, .. } if *index < list.len() => {
                    list.remove(*index);
                    written += 1;
                }
                _ => {}
            }
        }
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(text: &str) -> FieldPath {
        FieldPath::parse(text).unwrap()
    }

    #[test]
    fn lists_keep_their_layout_and_everything_else_stays_as_written() {
        let source = "# kế hoạch\nmo_dau = [\"a\"]  # mở đầu\n[[phan]]\nnoi_dung = [\n  \"x\",\n  { \"-\" = \"y\" },\n]\n";
        let mut document: DocumentMut = source.parse().unwrap();
        let changes = [
            Change::Set {
                path: path("mo_dau[0]"),
                before: "a".into(),
                after: "b".into(),
            },
            Change::Insert {
                array: path("mo_dau"),
                index: 1,
                text: "c".into(),
                kind: BlockKind::Plain,
            },
            Change::Insert {
                array: path("phan[0].noi_dung"),
                index: 1,
                text: "z".into(),
                kind: BlockKind::Plus,
            },
            Change::Remove {
                path: path("phan[0].noi_dung[1].\"-\""),
                array: path("phan[0].noi_dung"),
                index: 1,
                text: "y".into(),
            },
        ];
        assert_eq!(apply(&mut document, &changes, None), 4);
        assert_eq!(
            document.to_string(),
            "# kế hoạch\nmo_dau = [\"b\", \"c\"]  # mở đầu\n[[phan]]\nnoi_dung = [\n  \"x\",\n  { \"+\" = \"z\" },\n]\n"
        );
    }
}
