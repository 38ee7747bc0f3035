//! What an edited document means for its record: each aligned unit whose text changed is
//! taken apart along the template's words around its fields, and becomes a change of a
//! field, a paragraph added to or removed from a list of the record, or a progress entry;
//! or, when it cannot go back, a finding that says where and why. A field the record
//! changed since the render and the document changed too is a conflict, left alone.

use std::collections::HashMap;

use super::align::Step;
use super::leaves::Leaf;
use super::path::{FieldPath, Step as PathStep};
use super::provenance::{Entry, Part, Provenance};
use super::units::{Place, Unit};
use crate::messages::{Message, Pull};

/// How a new paragraph is written into a list of body blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    Plain,
    Dash,
    Plus,
}

/// A change to the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Change {
    Set {
        path: FieldPath,
        before: String,
        after: String,
    },
    /// A new element of the array at `array`, at `index` of the array as rendered.
    Insert {
        array: FieldPath,
        index: usize,
        text: String,
        kind: BlockKind,
    },
    Remove {
        path: FieldPath,
        array: FieldPath,
        index: usize,
        text: String,
    },
    Progress {
        item: FieldPath,
        text: String,
    },
}

/// What pulling found.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Finding {
    Change(Change),
    NotFromRecord {
        at: Message,
        before: String,
        after: String,
        why: Message,
    },
    Conflict {
        path: FieldPath,
        record: String,
        document: String,
    },
}

/// Where a unit is, for messages: paragraphs counted from 1, tables, rows and columns too.
fn at(place: Place, paragraph: usize) -> Message {
    match place {
        Place::Paragraph => Pull::AtParagraph { number: paragraph }.into(),
        Place::Cell {
            table, row, column, ..
        } => Pull::AtCell {
            table: table + 1,
            row: row + 1,
            column: column + 1,
        }
        .into(),
    }
}

/// The field values in `text` when it keeps the template's words of `entry` around them.
fn take_apart(entry: &Entry, text: &str) -> Option<Vec<String>> {
    let mut values = Vec::new();
    let mut rest = text;
    let parts = &entry.parts;
    for (i, part) in parts.iter().enumerate() {
        match part {
            Part::Fixed(words) => rest = rest.strip_prefix(words.as_str())?,
            Part::Field { .. } => {
                // Up to the next fixed words (the last occurrence when they end the unit).
                let value = match parts.get(i + 1) {
                    Some(Part::Fixed(next)) if i + 2 == parts.len() => {
                        rest.strip_suffix(next.as_str())?
                    }
                    Some(Part::Fixed(next)) => &rest[..rest.find(next.as_str())?],
                    Some(Part::Field { .. }) => return None,
                    None => rest,
                };
                values.push(value.to_string());
                rest = &rest[value.len()..];
            }
        }
    }
    rest.is_empty().then_some(values)
}

struct Context<'a> {
    provenance: &'a Provenance,
    /// How many units show each field: one printed in several places (or matching words
    /// of the template elsewhere) cannot be changed from one of them.
    shown: HashMap<&'a FieldPath, usize>,
    current: HashMap<&'a FieldPath, &'a Leaf>,
    findings: Vec<Finding>,
}

impl Context<'_> {
    fn refuse(&mut self, at: Message, before: &str, after: &str, why: impl Into<Message>) {
        self.findings.push(Finding::NotFromRecord {
            at,
            before: before.to_string(),
            after: after.to_string(),
            why: why.into(),
        });
    }

    /// The record's value at `path` now differs from what was rendered: the conflict, if so.
    fn conflict(&self, path: &FieldPath, rendered: &str, document: &str) -> Option<Finding> {
        let now = self.current.get(path).map(|l| l.visible().to_string());
        (now.as_deref() != Some(rendered)).then(|| Finding::Conflict {
            path: path.clone(),
            record: now.unwrap_or_else(|| Pull::NoLongerInRecord.text(crate::messages::current())),
            document: document.to_string(),
        })
    }

    /// A progress cell's row names its item by the strings beside it (the criterion's name):
    /// when the record no longer has them at that place, the item is another one now.
    fn row_moved(&self, cell: &Entry, item: &FieldPath, text: &str) -> Option<Finding> {
        let Place::Cell { table, row, .. } = cell.place else {
            return None;
        };
        let item_root = &item.0[..item.0.len().min(2)];
        self.provenance
            .entries
            .iter()
            .filter(|e| {
                matches!(e.place, Place::Cell { table: t, row: r, .. } if (t, r) == (table, row))
            })
            .flat_map(|e| e.fields())
            .find(|(path, _, upper)| !upper && path.0.starts_with(item_root))
            .and_then(|(path, rendered, _)| self.conflict(path, rendered, text))
    }

    fn changed(&mut self, entry: &Entry, text: &str, where_: Message) {
        if let Some(item) = &entry.progress {
            if let Some(conflict) = self.row_moved(entry, item, text) {
                self.findings.push(conflict);
                return;
            }
            self.findings.push(Finding::Change(Change::Progress {
                item: item.clone(),
                text: text.to_string(),
            }));
            return;
        }
        let before = entry.text();
        let Some(first) = entry.fields().next().map(|f| f.0.to_string()) else {
            return self.refuse(where_, &before, text, Pull::Computed);
        };
        let Some(values) = take_apart(entry, text) else {
            return self.refuse(where_, &before, text, Pull::TemplateWords { path: first });
        };
        let fields: Vec<(FieldPath, String, bool)> = entry
            .fields()
            .map(|(p, t, u)| (p.clone(), t.to_string(), u))
            .collect();
        for ((path, rendered, upper), value) in fields.into_iter().zip(values) {
            if value == rendered {
                continue;
            }
            if upper {
                let path = path.to_string();
                self.refuse(where_.clone(), &rendered, &value, Pull::Capitals { path });
                continue;
            }
            if self.shown.get(&path).is_some_and(|n| *n > 1) {
                let path = path.to_string();
                self.refuse(
                    where_.clone(),
                    &rendered,
                    &value,
                    Pull::SeveralPlaces { path },
                );
                continue;
            }
            if let Some(conflict) = self.conflict(&path, &rendered, &value) {
                self.findings.push(conflict);
                continue;
            }
            if self.current.get(&path).is_some_and(|l| l.emphasis) {
                let path = path.to_string();
                self.refuse(where_.clone(), &rendered, &value, Pull::Emphasis { path });
                continue;
            }
            self.findings.push(Finding::Change(Change::Set {
                path,
                before: rendered,
                after: value,
            }));
        }
    }

    fn deleted(&mut self, entry: &Entry, where_: Message) {
        let before = entry.text();
        let fields: Vec<(&FieldPath, &str, bool)> = entry.fields().collect();
        let element = match fields.as_slice() {
            [(path, rendered, false)] if !entry.place.is_cell() => path
                .array_position()
                .map(|(array, index)| ((*path).clone(), rendered.to_string(), array, index)),
            _ => None,
        };
        let Some((path, rendered, array, index)) = element else {
            let why = if entry.place.is_cell() {
                Pull::TableCells
            } else {
                Pull::NotInList
            };
            return self.refuse(where_, &before, "", why);
        };
        if let Some(conflict) = self.conflict(&path, &rendered, "") {
            self.findings.push(conflict);
            return;
        }
        self.findings.push(Finding::Change(Change::Remove {
            path,
            array,
            index,
            text: rendered,
        }));
    }

    /// A paragraph added after base entry `anchor`: the next element of the list that
    /// paragraph belongs to, or the first block of the section it is the title of.
    fn added(&mut self, unit: &Unit, anchor: Option<usize>, where_: Message) {
        if unit.place.is_cell() {
            return self.refuse(where_, "", &unit.text, Pull::TableCells);
        }
        let anchor = anchor.and_then(|a| {
            self.provenance.entries[..=a]
                .iter()
                .rev()
                .find(|e| !e.place.is_cell())
        });
        // The last list element the paragraph shows (words of the template may happen to
        // equal other record strings before it), else the section it is the title of.
        let place = anchor.and_then(|entry| {
            let fields: Vec<&FieldPath> = entry.fields().map(|f| f.0).collect();
            if let Some((n, (array, i))) = fields
                .iter()
                .enumerate()
                .rev()
                .find_map(|(n, p)| p.array_position().map(|a| (n, a)))
            {
                return Some((array, i + 1, entry, Some(n)));
            }
            match fields.as_slice() {
                [path] if path.0.last() == Some(&PathStep::Key("tieu_de".into())) => {
                    let parent = &path.0[..path.0.len() - 1];
                    let array = FieldPath(parent.to_vec()).child(PathStep::Key("noi_dung".into()));
                    Some((array, 0, entry, None))
                }
                _ => None,
            }
        });
        let Some((array, index, entry, field)) = place else {
            return self.refuse(where_, "", &unit.text, Pull::NotInList);
        };
        // The paragraph it follows must still be where it was, or the list has changed since
        // the render and the new one could land anywhere.
        let neighbour = entry
            .fields()
            .nth(field.unwrap_or(0))
            .map(|(path, text, _)| (path.clone(), text.to_string()));
        if let Some((path, rendered)) = neighbour {
            if let Some(conflict) = self.conflict(&path, &rendered, &unit.text) {
                self.findings.push(conflict);
                return;
            }
        }
        let blocks = matches!(
            array.0.last(),
            Some(PathStep::Key(k)) if matches!(&**k, "noi_dung" | "mo_dau" | "ket_thuc")
        );
        let (text, kind) = if blocks {
            match (unit.text.strip_prefix("- "), unit.text.strip_prefix("+ ")) {
                (Some(rest), _) => (rest.to_string(), BlockKind::Dash),
                (_, Some(rest)) => (rest.to_string(), BlockKind::Plus),
                _ => (unit.text.clone(), BlockKind::Plain),
            }
        } else {
            // Written like its neighbour: the template's words around it are not the field's.
            let text = field
                .and_then(|n| take_apart(entry, &unit.text)?.into_iter().nth(n))
                .unwrap_or_else(|| unit.text.clone());
            (text, BlockKind::Plain)
        };
        self.findings.push(Finding::Change(Change::Insert {
            array,
            index,
            text,
            kind,
        }));
    }
}

/// The findings of an edited document against its provenance and the record as it is now.
pub(crate) fn find(
    provenance: &Provenance,
    edited: &[Unit],
    steps: &[Step],
    current: &[Leaf],
) -> Vec<Finding> {
    let mut shown: HashMap<&FieldPath, usize> = HashMap::new();
    for entry in &provenance.entries {
        for (path, _, _) in entry.fields() {
            *shown.entry(path).or_default() += 1;
        }
    }
    let mut cx = Context {
        shown,
        provenance,
        current: current.iter().map(|l| (&l.path, l)).collect(),
        findings: Vec::new(),
    };
    let number =
        |units: &[Unit], i: usize| units[..=i].iter().filter(|u| !u.place.is_cell()).count();
    let base_number = |i: usize| {
        provenance.entries[..=i]
            .iter()
            .filter(|e| !e.place.is_cell())
            .count()
    };
    for step in steps {
        match *step {
            Step::Same(b, e) => {
                let entry = &provenance.entries[b];
                if entry.text() != edited[e].text {
                    let where_ = at(edited[e].place, number(edited, e));
                    cx.changed(entry, &edited[e].text, where_);
                }
            }
            Step::Deleted(b) => {
                let entry = &provenance.entries[b];
                cx.deleted(entry, at(entry.place, base_number(b)));
            }
            Step::Added(e, anchor) => {
                cx.added(&edited[e], anchor, at(edited[e].place, number(edited, e)));
            }
        }
    }
    cx.findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_taken_out_of_the_template_words_around_them() {
        let entry = Entry {
            place: Place::Paragraph,
            parts: vec![
                Part::Fixed("+ Đơn vị chủ trì: ".into()),
                Part::Field {
                    path: FieldPath::parse("a").unwrap(),
                    text: "Văn phòng".into(),
                    upper: false,
                },
                Part::Fixed("; phối hợp: ".into()),
                Part::Field {
                    path: FieldPath::parse("b").unwrap(),
                    text: "Các phòng".into(),
                    upper: false,
                },
                Part::Fixed(".".into()),
            ],
            progress: None,
        };
        assert_eq!(
            take_apart(
                &entry,
                "+ Đơn vị chủ trì: Văn phòng Sở; phối hợp: Các phòng, ban."
            ),
            Some(vec!["Văn phòng Sở".into(), "Các phòng, ban".into()])
        );
        assert_eq!(take_apart(&entry, "Đơn vị chủ trì: Văn phòng."), None);
    }
}
