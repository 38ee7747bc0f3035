//! Provenance: which record field each paragraph and table cell of a rendered .docx shows.
//!
//! Built at render from the document vanban just wrote and the record's own text: each unit
//! (a body paragraph, or a table cell with its paragraphs joined by line breaks) is split into
//! the record strings it shows and the words around them that the template or vanban added
//! ("- Nhiệm vụ, giải pháp khắc phục: " … "."). Matching the written text, not the template,
//! keeps this true for any template. Text that is no record string (numbers, totals, heading
//! numbers, the header block's fixed lines) is kept as text: `pull` reports edits to it as
//! "not from the record". The map travels inside the .docx as a custom XML part, which Word
//! and LibreOffice both keep when they save.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::leaves::Leaf;
use super::path::{FieldPath, Step};
use super::units::{Place, Unit};

use crate::docx::PROVENANCE_NAMESPACE as NAMESPACE;

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

/// Builds the provenance of `units` (a rendered document) from the record's strings.
pub(crate) fn build(
    record: String,
    date: Option<String>,
    units: Vec<Unit>,
    leaves: &[Leaf],
) -> Provenance {
    let index = Index::new(leaves);
    let mut last = None;
    let mut entries: Vec<Entry> = units
        .into_iter()
        .map(|unit| {
            let parts = index.parts(&unit.text, &mut last);
            Entry {
                place: unit.place,
                parts,
                progress: None,
            }
        })
        .collect();
    mark_progress(&mut entries);
    Provenance {
        record,
        date,
        entries,
    }
}

/// Record strings by the text a document shows, and by their first characters. Many strings
/// may show the same text (the same unit in charge of ten thousand tasks): each text is
/// looked up once, and its strings are kept in record order, so the one to take is found by
/// halving.
struct Index<'a> {
    leaves: &'a [Leaf],
    /// The strings showing each text as written.
    whole: HashMap<&'a str, Vec<usize>>,
    /// The strings showing each text in capitals, where that differs.
    capitals: HashMap<String, Vec<usize>>,
    /// The texts (as written, or in capitals) by their first characters.
    starts: HashMap<String, Vec<(String, bool)>>,
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

impl<'a> Index<'a> {
    fn new(leaves: &'a [Leaf]) -> Index<'a> {
        let mut whole: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut capitals: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, leaf) in leaves.iter().enumerate() {
            let shown = leaf.visible();
            if shown.trim().is_empty() || !wordy(shown) {
                continue;
            }
            whole.entry(shown).or_default().push(i);
        }
        for (shown, strings) in &whole {
            let upper = crate::text::upper(shown);
            if upper != *shown {
                capitals.insert(upper, strings.clone());
            }
        }
        let mut starts: HashMap<String, Vec<(String, bool)>> = HashMap::new();
        let forms = whole
            .keys()
            .map(|t| (t.to_string(), false))
            .chain(capitals.keys().map(|t| (t.clone(), true)));
        for (text, upper) in forms {
            if let Some(h) = head(&text) {
                starts.entry(h.to_string()).or_default().push((text, upper));
            }
        }
        Index {
            leaves,
            whole,
            capitals,
            starts,
        }
    }

    /// Of several strings with the same text (in record order), the first after the one used
    /// last (the document follows the record's order), else the first.
    fn nearest(candidates: &[usize], last: Option<usize>) -> usize {
        let after = last.map_or(0, |l| candidates.partition_point(|c| *c <= l));
        candidates.get(after).copied().unwrap_or(candidates[0])
    }

    fn field(&self, leaf: usize, text: &str, upper: bool) -> Part {
        Part::Field {
            path: self.leaves[leaf].path.clone(),
            text: text.to_string(),
            upper,
        }
    }

    fn parts(&self, text: &str, last: &mut Option<usize>) -> Vec<Part> {
        if let Some(candidates) = self.whole.get(text) {
            let leaf = Self::nearest(candidates, *last);
            *last = Some(leaf);
            return vec![self.field(leaf, text, false)];
        }
        let mut parts = Vec::new();
        let mut fixed = String::new();
        let mut rest = text;
        while !rest.is_empty() {
            if let Some((form, upper)) = self.longest_at(rest) {
                let candidates = if upper {
                    &self.capitals[form]
                } else {
                    &self.whole[form]
                };
                let leaf = Self::nearest(candidates, *last);
                if !fixed.is_empty() {
                    parts.push(Part::Fixed(std::mem::take(&mut fixed)));
                }
                parts.push(self.field(leaf, form, upper));
                *last = Some(leaf);
                rest = &rest[form.len()..];
                continue;
            }
            let mut chars = rest.chars();
            if let Some(c) = chars.next() {
                fixed.push(c);
            }
            rest = chars.as_str();
        }
        if !fixed.is_empty() {
            parts.push(Part::Fixed(fixed));
        }
        parts
    }

    /// The longest record text that `text` starts with, and whether it is in capitals.
    fn longest_at(&self, text: &str) -> Option<(&str, bool)> {
        self.starts
            .get(head(text)?)?
            .iter()
            .filter(|(form, _)| text.starts_with(form.as_str()))
            .max_by_key(|(form, upper)| (form.len(), !upper))
            .map(|(form, upper)| (form.as_str(), *upper))
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
        ] if t == "tieu_chi" && c == "con" => Some(FieldPath(path.0[..4].to_vec())),
        [Step::Key(t), Step::Index(i), ..] if t == "tieu_chi" => Some(FieldPath(vec![
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
        ] if n == "nhom" && v == "nhiem_vu" => Some(FieldPath(path.0[..4].to_vec())),
        _ => None,
    }
}

/// Marks the cells of progress columns (headed "Tiến độ…") with the item of their row.
fn mark_progress(entries: &mut [Entry]) {
    let mut headers: HashMap<(usize, usize), String> = HashMap::new();
    for e in entries.iter() {
        if let Place::Cell {
            table,
            column,
            header: true,
            ..
        } = e.place
        {
            headers
                .entry((table, column))
                .or_default()
                .push_str(&e.text());
        }
    }
    let mut rows: HashMap<(usize, usize), FieldPath> = HashMap::new();
    for e in entries.iter() {
        if let Place::Cell {
            table,
            row,
            header: false,
            ..
        } = e.place
        {
            if let Some(item) = e.fields().find_map(|(p, _, _)| row_item(p)) {
                rows.entry((table, row)).or_insert(item);
            }
        }
    }
    for e in entries.iter_mut() {
        if let Place::Cell {
            table,
            row,
            column,
            header: false,
        } = e.place
        {
            let progress_column = headers
                .get(&(table, column))
                .is_some_and(|h| crate::text::upper(h).contains("TIẾN ĐỘ"));
            if progress_column {
                e.progress = rows.get(&(table, row)).cloned();
            }
        }
    }
}

/// The provenance as the XML of its custom part.
pub(crate) fn to_xml(p: &Provenance) -> String {
    use std::fmt::Write;

    use quick_xml::escape::escape as esc;
    let mut xml = String::with_capacity(64 * p.entries.len() + 256);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    // Writing into a String cannot fail.
    let _ = write!(
        xml,
        "<v:provenance xmlns:v=\"{NAMESPACE}\" record=\"{}\"",
        esc(&p.record)
    );
    if let Some(date) = &p.date {
        let _ = write!(xml, " date=\"{}\"", esc(date));
    }
    xml.push('>');
    for e in &p.entries {
        match e.place {
            Place::Paragraph => xml.push_str("<v:p>"),
            Place::Cell {
                table,
                row,
                column,
                header,
            } => {
                let _ = write!(xml, "<v:c t=\"{table}\" r=\"{row}\" c=\"{column}\"");
                if header {
                    xml.push_str(" h=\"1\"");
                }
                if let Some(item) = &e.progress {
                    let _ = write!(xml, " progress=\"{}\"", esc(item.to_string()));
                }
                xml.push('>');
            }
        }
        for part in &e.parts {
            match part {
                Part::Fixed(t) => {
                    let _ = write!(xml, "<v:t>{}</v:t>", esc(t));
                }
                Part::Field { path, text, upper } => {
                    let _ = write!(xml, "<v:f path=\"{}\"", esc(path.to_string()));
                    if *upper {
                        xml.push_str(" upper=\"1\"");
                    }
                    let _ = write!(xml, ">{}</v:f>", esc(text));
                }
            }
        }
        xml.push_str(match e.place {
            Place::Paragraph => "</v:p>",
            Place::Cell { .. } => "</v:c>",
        });
    }
    xml.push_str("</v:provenance>");
    xml
}

/// Reads a provenance part back; `None` when `xml` is not one (another custom part).
pub(crate) fn from_xml(xml: &[u8]) -> Option<Provenance> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    reader.config_mut().expand_empty_elements = true;
    let mut provenance: Option<Provenance> = None;
    let mut entry: Option<Entry> = None;
    let mut part: Option<Part> = None;
    let mut buf = Vec::new();
    let push = |part: &mut Option<Part>, text: &str| {
        if let Some(Part::Fixed(s) | Part::Field { text: s, .. }) = part.as_mut() {
            s.push_str(text);
        }
    };
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) => {
                let attr = |name: &str| -> Option<String> {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == name)
                        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
                        .map(|v| v.into_owned())
                };
                let number = |name: &str| attr(name).and_then(|v| v.parse::<usize>().ok());
                match e.local_name().as_ref() {
                    "provenance" => {
                        let ours = e.attributes().flatten().any(|a| {
                            a.key.as_ref().starts_with("xmlns") && a.value.as_ref() == NAMESPACE
                        });
                        if !ours {
                            return None;
                        }
                        provenance = Some(Provenance {
                            record: attr("record")?,
                            date: attr("date"),
                            entries: Vec::new(),
                        });
                    }
                    "p" => {
                        entry = Some(Entry {
                            place: Place::Paragraph,
                            parts: Vec::new(),
                            progress: None,
                        });
                    }
                    "c" => {
                        entry = Some(Entry {
                            place: Place::Cell {
                                table: number("t")?,
                                row: number("r")?,
                                column: number("c")?,
                                header: attr("h").is_some(),
                            },
                            parts: Vec::new(),
                            progress: attr("progress").and_then(|p| FieldPath::parse(&p)),
                        });
                    }
                    "t" => part = Some(Part::Fixed(String::new())),
                    "f" => {
                        part = Some(Part::Field {
                            path: FieldPath::parse(&attr("path")?)?,
                            text: String::new(),
                            upper: attr("upper").is_some(),
                        });
                    }
                    _ => {}
                }
            }
            Event::Text(t) => push(&mut part, &t.xml10_content()),
            Event::GeneralRef(r) => {
                let reference = format!("&{};", r.xml10_content());
                push(&mut part, &quick_xml::escape::unescape(&reference).ok()?);
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" | "f" => {
                    if let (Some(en), Some(p)) = (entry.as_mut(), part.take()) {
                        en.parts.push(p);
                    }
                }
                "p" | "c" => {
                    if let (Some(pr), Some(en)) = (provenance.as_mut(), entry.take()) {
                        pr.entries.push(en);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    provenance
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leaf(path: &str, value: &str) -> Leaf {
        Leaf {
            path: FieldPath::parse(path).unwrap(),
            value: value.into(),
            shown: None,
            line: 1,
        }
    }

    fn paragraph(text: &str) -> Unit {
        Unit {
            place: Place::Paragraph,
            text: text.into(),
        }
    }

    #[test]
    fn template_words_around_a_field_are_kept_apart_and_survive_xml() {
        let leaves = [
            leaf(
                "tieu_chi[0].khac_phuc.giai_phap[0]",
                "Tăng cường kiểm tra <&> \"x\"",
            ),
            leaf("phan[0].tieu_de", "Mục đích, yêu cầu"),
            leaf("tieu_chi[1].khac_phuc.thoi_gian", "Thường xuyên"),
            leaf("tieu_chi[2].khac_phuc.thoi_gian", "Thường xuyên"),
            leaf("tieu_chi[0].ma", "1.2"),
        ];
        let units = vec![
            paragraph("- Nhiệm vụ, giải pháp khắc phục: Tăng cường kiểm tra <&> \"x\"."),
            paragraph("I. MỤC ĐÍCH, YÊU CẦU"),
            paragraph("Thường xuyên"),
            paragraph("Thường xuyên"),
            paragraph("1.2"),
            paragraph("Dòng\tcố định\ncủa vanban"),
        ];
        let p = build("k.toml".into(), Some("2021-03-19".into()), units, &leaves);
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
            ]
        );
        assert_eq!(
            p.entries[0].parts[0],
            Part::Fixed("- Nhiệm vụ, giải pháp khắc phục: ".into())
        );
        assert!(p.entries[1].fields().all(|f| f.2));
        let xml = to_xml(&p);
        assert_eq!(from_xml(xml.as_bytes()), Some(p));
        assert_eq!(from_xml(b"<other xmlns=\"urn:x\"/>"), None);
    }
}
