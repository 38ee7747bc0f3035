//! Provenance: which record field each paragraph and table cell of a rendered .docx shows.
//!
//! Built at render from the document's text as vanban's XML writer writes it (the
//! [`Recorder`] is told each paragraph, table and cell) and the record's own text: each unit
//! (a body paragraph, or a table cell with its paragraphs joined by line breaks) is split into
//! the record strings it shows and the words around them that the template or vanban added
//! ("- Nhiệm vụ, giải pháp khắc phục: " … "."). Matching the written text, not the template,
//! keeps this true for any template. Text that is no record string (numbers, totals, heading
//! numbers, the header block's fixed lines) is kept as text: `pull` reports edits to it as
//! "not from the record". The map (`map`) travels inside the .docx as a custom XML part,
//! which Word and LibreOffice both keep when they save.

use rustc_hash::FxHashMap;
use std::ops::Range;

use super::leaves::Leaf;
use super::map;
use super::path::{FieldPath, Step};
use super::units::{Collector, Place, Unit};
use crate::docx::Outline;

/// Shortest record text looked for inside a longer paragraph; shorter text only maps when it
/// is a whole cell or paragraph, so "Quý I" in a cell maps, the letter "a" in a sentence not.
const SHORTEST_INSIDE: usize = 4;

/// A piece of a unit's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    /// Words the template or vanban wrote.
    Fixed(String),
    /// A record string, as the document showed it.
    Field {
        path: FieldPath,
        text: String,
        /// Shown in capitals (section titles): the record's own case is not on the page.
        upper: bool,
    },
}

/// A piece of a unit's text while the map is built: a byte range of the text, and for a
/// record string the index of its leaf.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Fixed(Range<usize>),
    Field {
        leaf: usize,
        range: Range<usize>,
        upper: bool,
    },
}

/// One unit of the rendered document and where its text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    pub place: Place,
    pub parts: Vec<Part>,
    /// For a cell of a progress column (Tiến độ): the record item a new progress entry goes
    /// under (`tieu_chi[2].khac_phuc`, `tieu_chi[4].con[1]`, `nhom[0].nhiem_vu[3]`).
    pub progress: Option<FieldPath>,
}

impl Entry {
    pub(crate) fn text(&self) -> String {
        self.parts
            .iter()
            .map(|p| match p {
                Part::Fixed(t) | Part::Field { text: t, .. } => t.as_str(),
            })
            .collect()
    }

    pub(crate) fn fields(&self) -> impl Iterator<Item = (&FieldPath, &str, bool)> {
        self.parts.iter().filter_map(|p| match p {
            Part::Field { path, text, upper } => Some((path, text.as_str(), *upper)),
            Part::Fixed(_) => None,
        })
    }
}

/// What a rendered document came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Provenance {
    /// The record's file name.
    pub record: String,
    /// The document's date (YYYY-MM-DD), when its day is known: the date of a progress
    /// entry made from an edited Tiến độ cell.
    pub date: Option<String>,
    pub entries: Vec<Entry>,
}

/// Record strings by the text a document shows, and by their first characters. Many strings
/// may show the same text (the same unit in charge of ten thousand tasks): each text is
/// looked up once, and its strings are kept in record order, so the one to take is found by
/// halving. A text's capitals are made only when the document shows its first characters in
/// capitals: a few section titles and names, of thousands of texts.
struct Index<'a> {
    leaves: &'a [Leaf],
    /// The strings showing each text as written.
    whole: FxHashMap<&'a str, Vec<usize>>,
    /// The texts by their first characters as written (false) or in capitals (true).
    starts: FxHashMap<String, Vec<(&'a str, bool)>>,
    /// The capitals of the texts met in capitals so far.
    capitals: FxHashMap<&'a str, String>,
}

/// The first [`SHORTEST_INSIDE`] characters of `text`, when it has that many.
fn head(text: &str) -> Option<&str> {
    match text.char_indices().nth(SHORTEST_INSIDE) {
        Some((end, _)) => Some(&text[..end]),
        None => (text.chars().count() == SHORTEST_INSIDE).then_some(text),
    }
}

/// Record text worth looking for: numbers and codes ("1.2", "15") are what vanban computes
/// and prints beside them, so they never identify a field.
fn wordy(text: &str) -> bool {
    text.chars().any(char::is_alphabetic)
}

/// Whether `text` may read otherwise in capitals: it has a small ASCII letter, or any letter
/// beyond ASCII.
fn has_small_letters(text: &str) -> bool {
    text.bytes()
        .any(|b| b.is_ascii_lowercase() || !b.is_ascii())
}

impl<'a> Index<'a> {
    fn new(leaves: &'a [Leaf]) -> Index<'a> {
        let mut whole: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (i, leaf) in leaves.iter().enumerate() {
            let shown = leaf.visible();
            if shown.trim().is_empty() || !wordy(shown) {
                continue;
            }
            whole.entry(shown).or_default().push(i);
        }
        let mut starts: FxHashMap<String, Vec<(&str, bool)>> = FxHashMap::default();
        for &text in whole.keys() {
            if let Some(h) = head(text) {
                starts.entry(h.to_string()).or_default().push((text, false));
            }
        }
        // The capital forms come after every form as written, texts in the same order, so
        // that of two texts with the same capitals the later wins (`longest_at`), as when all
        // capitals were made at once and the later one replaced the earlier.
        for &text in whole.keys() {
            if !has_small_letters(text) {
                continue;
            }
            if let Some(h) = crate::text::upper_prefix(text, SHORTEST_INSIDE) {
                starts.entry(h).or_default().push((text, true));
            }
        }
        Index {
            leaves,
            whole,
            starts,
            capitals: FxHashMap::default(),
        }
    }

    /// Of several strings with the same text (in record order), the first after the one used
    /// last (the document follows the record's order), else the first.
    fn nearest(candidates: &[usize], last: Option<usize>) -> usize {
        let after = last.map_or(0, |l| candidates.partition_point(|c| *c <= l));
        candidates.get(after).copied().unwrap_or(candidates[0])
    }

    /// `text` cut into the record strings it shows and the words around them, as byte
    /// ranges of `text`.
    fn pieces(&mut self, text: &str, last: &mut Option<usize>) -> Vec<Piece> {
        if let Some(candidates) = self.whole.get(text) {
            let leaf = Self::nearest(candidates, *last);
            *last = Some(leaf);
            return vec![Piece::Field {
                leaf,
                range: 0..text.len(),
                upper: false,
            }];
        }
        let mut pieces = Vec::new();
        let mut fixed = 0;
        let mut at = 0;
        while at < text.len() {
            let rest = &text[at..];
            if let Some((shown, length, upper)) = self.longest_at(rest) {
                let leaf = Self::nearest(&self.whole[shown], *last);
                if fixed < at {
                    pieces.push(Piece::Fixed(fixed..at));
                }
                pieces.push(Piece::Field {
                    leaf,
                    range: at..at + length,
                    upper,
                });
                *last = Some(leaf);
                at += length;
                fixed = at;
                continue;
            }
            at += rest.chars().next().map_or(1, char::len_utf8);
        }
        if fixed < text.len() {
            pieces.push(Piece::Fixed(fixed..text.len()));
        }
        pieces
    }

    /// The longest record text that `text` starts with, as written or in capitals: the text
    /// as written, the length it takes in `text`, and whether in capitals. Of equals, the
    /// text as written, else the last.
    fn longest_at(&mut self, text: &str) -> Option<(&'a str, usize, bool)> {
        let Index {
            starts, capitals, ..
        } = self;
        let mut longest: Option<(&'a str, usize, bool)> = None;
        for &(shown, upper) in starts.get(head(text)?)? {
            let form = if upper {
                capitals
                    .entry(shown)
                    .or_insert_with(|| crate::text::upper(shown))
                    .as_str()
            } else {
                shown
            };
            if !text.starts_with(form) {
                continue;
            }
            let length = form.len();
            if longest.is_none_or(|(_, l, u)| (length, !upper) >= (l, !u)) {
                longest = Some((shown, length, upper));
            }
        }
        longest
    }
}

/// The record item a row's strings belong to: the criterion, its sub-criterion, or the task.
fn row_item(path: &FieldPath) -> Option<FieldPath> {
    match path.0.as_slice() {
        [
            Step::Key(t),
            Step::Index(i),
            Step::Key(c),
            Step::Index(j),
            ..,
        ] if &**t == "tieu_chi" && &**c == "con" => Some(FieldPath(path.0[..4].to_vec())),
        [Step::Key(t), Step::Index(i), ..] if &**t == "tieu_chi" => Some(FieldPath(vec![
            Step::Key(t.clone()),
            Step::Index(*i),
            Step::Key("khac_phuc".into()),
        ])),
        [
            Step::Key(n),
            Step::Index(_),
            Step::Key(v),
            Step::Index(_),
            ..,
        ] if &**n == "nhom" && &**v == "nhiem_vu" => Some(FieldPath(path.0[..4].to_vec())),
        _ => None,
    }
}

/// Builds the provenance of a document unit by unit, as the document is written, into the
/// text of its map (`map`): a table row is held until the row ends, since a progress cell's
/// item is named by the strings of its whole row.
pub(crate) struct Builder<'a> {
    index: Index<'a>,
    last: Option<usize>,
    /// Header cells by (table, column): their text so far, and whether it names a progress
    /// column (Tiến độ).
    headers: FxHashMap<(usize, usize), (String, bool)>,
    /// The body cells of the row being written, with their pieces.
    row: Vec<(Unit, Vec<Piece>)>,
    map: map::Writer,
}

impl<'a> Builder<'a> {
    pub(crate) fn new(record: &str, date: Option<&str>, leaves: &'a [Leaf]) -> Builder<'a> {
        Builder {
            index: Index::new(leaves),
            last: None,
            headers: FxHashMap::default(),
            row: Vec::new(),
            map: map::Writer::new(record, date),
        }
    }

    /// The next unit of the document.
    pub(crate) fn unit(&mut self, unit: Unit) {
        let pieces = self.index.pieces(&unit.text, &mut self.last);
        match unit.place {
            Place::Cell {
                table,
                row,
                header: false,
                ..
            } => {
                let same_row = self.row.first().is_none_or(|(u, _)| {
                    matches!(u.place, Place::Cell { table: t, row: r, .. } if (t, r) == (table, row))
                });
                if !same_row {
                    self.end_row();
                }
                self.row.push((unit, pieces));
            }
            Place::Cell {
                table,
                column,
                header: true,
                ..
            } => {
                self.end_row();
                let (text, progress) = self.headers.entry((table, column)).or_default();
                text.push_str(&unit.text);
                *progress = crate::text::upper(text).contains("TIẾN ĐỘ");
                self.write(&unit, &pieces, None);
            }
            Place::Paragraph => {
                self.end_row();
                self.write(&unit, &pieces, None);
            }
        }
    }

    fn write(&mut self, unit: &Unit, pieces: &[Piece], progress: Option<&FieldPath>) {
        let leaves = self.index.leaves;
        let parts = pieces.iter().map(|p| match p {
            Piece::Fixed(range) => map::Piece::Fixed(&unit.text[range.clone()]),
            Piece::Field { leaf, range, upper } => map::Piece::Field {
                path: &leaves[*leaf].path,
                text: &unit.text[range.clone()],
                upper: *upper,
            },
        });
        self.map.entry(unit.place, progress, parts);
    }

    fn in_progress_column(&self, place: Place) -> bool {
        match place {
            Place::Cell { table, column, .. } => {
                self.headers.get(&(table, column)).is_some_and(|h| h.1)
            }
            Place::Paragraph => false,
        }
    }

    /// Marks the row's cells of progress columns with the item of the row, and writes them.
    fn end_row(&mut self) {
        let row = std::mem::take(&mut self.row);
        let item = if row.iter().any(|(u, _)| self.in_progress_column(u.place)) {
            row.iter().find_map(|(_, pieces)| {
                pieces.iter().find_map(|p| match p {
                    Piece::Field { leaf, .. } => row_item(&self.index.leaves[*leaf].path),
                    Piece::Fixed(_) => None,
                })
            })
        } else {
            None
        };
        for (unit, pieces) in &row {
            let progress = item
                .as_ref()
                .filter(|_| self.in_progress_column(unit.place));
            self.write(unit, pieces, progress);
        }
        self.row = row;
        self.row.clear();
    }

    /// The map, as the XML of its custom part.
    pub(crate) fn finish(mut self) -> String {
        self.end_row();
        self.map.finish()
    }
}

/// Watches vanban's own document as it is written ([`crate::docx::Outline`]): its units, as
/// `read` finds them in a document, go one by one into the [`Builder`].
pub(crate) struct Recorder<'a> {
    units: Collector,
    builder: Builder<'a>,
}

impl<'a> Recorder<'a> {
    pub(crate) fn new(builder: Builder<'a>) -> Recorder<'a> {
        Recorder {
            units: Collector::default(),
            builder,
        }
    }

    fn drain(&mut self) {
        for unit in self.units.units.drain(..) {
            self.builder.unit(unit);
        }
    }
}

impl Outline for Recorder<'_> {
    fn start_table(&mut self) {
        self.units.start_table();
    }
    fn end_table(&mut self) {
        self.units.end_table();
    }
    fn start_row(&mut self) {
        self.units.start_row();
    }
    fn header_row(&mut self) {
        self.units.header_row();
    }
    fn end_row(&mut self) {
        self.units.end_row();
    }
    fn start_cell(&mut self) {
        self.units.start_cell();
    }
    fn span(&mut self, columns: usize) {
        self.units.span(columns);
    }
    fn end_cell(&mut self) {
        self.units.end_cell();
        self.drain();
    }
    fn text(&mut self, text: &str) {
        self.units.text(text);
    }
    fn end_paragraph(&mut self) {
        self.units.end_paragraph();
        self.drain();
    }
}

impl crate::docx::Recording for Recorder<'_> {
    fn item(mut self) -> String {
        self.drain();
        self.builder.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(path: &str, value: &str) -> Leaf {
        Leaf {
            path: FieldPath::parse(path).unwrap(),
            value: value.into(),
            shown: None,
            emphasis: false,
            line: 1,
        }
    }

    fn paragraph(text: &str) -> Unit {
        Unit {
            place: Place::Paragraph,
            text: text.into(),
        }
    }

    fn cell(row: usize, column: usize, header: bool, text: &str) -> Unit {
        Unit {
            place: Place::Cell {
                table: 0,
                row,
                column,
                header,
            },
            text: text.into(),
        }
    }

    #[test]
    fn template_words_around_a_field_are_kept_apart_and_survive_the_map() {
        let leaves = [
            leaf(
                "tieu_chi[0].khac_phuc.giai_phap[0]",
                "Tăng cường kiểm tra <&> \"x\"",
            ),
            leaf("phan[0].tieu_de", "Mục đích, yêu cầu"),
            leaf("tieu_chi[1].khac_phuc.thoi_gian", "Thường xuyên"),
            leaf("tieu_chi[2].khac_phuc.thoi_gian", "Thường xuyên"),
            leaf("tieu_chi[0].ma", "1.2"),
            leaf("tieu_chi[1].ten", "Cải cách thể chế"),
        ];
        let units = [
            paragraph("- Nhiệm vụ, giải pháp khắc phục: Tăng cường kiểm tra <&> \"x\"."),
            paragraph("I. MỤC ĐÍCH, YÊU CẦU"),
            paragraph("Thường xuyên"),
            paragraph("Thường xuyên"),
            paragraph("1.2"),
            paragraph("Dòng\tcố định\ncủa vanban\\"),
            cell(0, 0, true, "Tiêu chí"),
            cell(0, 1, true, "Tiến độ"),
            cell(1, 0, false, "Cải cách thể chế"),
            cell(1, 1, false, "Đang làm"),
        ];
        let mut builder = Builder::new("k.toml", Some("2021-03-19"), &leaves);
        for unit in units.iter().cloned() {
            builder.unit(unit);
        }
        let p = map::read(builder.finish().as_bytes()).unwrap();
        assert_eq!(p.record, "k.toml");
        assert_eq!(p.date.as_deref(), Some("2021-03-19"));
        let paths: Vec<Vec<String>> = p
            .entries
            .iter()
            .map(|e| e.fields().map(|f| f.0.to_string()).collect())
            .collect();
        assert_eq!(
            paths,
            [
                vec!["tieu_chi[0].khac_phuc.giai_phap[0]".to_string()],
                vec!["phan[0].tieu_de".into()],
                vec!["tieu_chi[1].khac_phuc.thoi_gian".into()],
                vec!["tieu_chi[2].khac_phuc.thoi_gian".into()],
                vec![],
                vec![],
                vec![],
                vec![],
                vec!["tieu_chi[1].ten".into()],
                vec![],
            ]
        );
        assert_eq!(
            p.entries[0].parts[0],
            Part::Fixed("- Nhiệm vụ, giải pháp khắc phục: ".into())
        );
        assert!(p.entries[1].fields().all(|f| f.2));
        let texts: Vec<String> = p.entries.iter().map(Entry::text).collect();
        let written: Vec<String> = units.iter().map(|u| u.text.clone()).collect();
        assert_eq!(texts, written);
        let places: Vec<Place> = p.entries.iter().map(|e| e.place).collect();
        let written: Vec<Place> = units.iter().map(|u| u.place).collect();
        assert_eq!(places, written);
        let progress: Vec<Option<String>> = p
            .entries
            .iter()
            .map(|e| e.progress.as_ref().map(ToString::to_string))
            .collect();
        assert_eq!(progress[9].as_deref(), Some("tieu_chi[1].khac_phuc"));
        assert!(progress[..9].iter().all(Option::is_none));
        assert_eq!(map::read(b"<other xmlns=\"urn:x\"/>"), None);
    }
}
