//! The provenance map as it travels inside a .docx: one custom XML element whose text holds
//! a line per unit, kept short because every render writes it and deflates it (for a
//! 10,000-row appendix, markup per unit and whole paths per field made a map of 4 MB,
//! larger than the rest of the text it describes).
//!
//! A line is tokens separated by tabs:
//! - the place: `p` for a paragraph; `table.row.column` for a cell, or `.column` for the
//!   next cell of the same row; `h` after it for a header cell;
//! - `~path` for a progress cell, the item a new progress entry goes under;
//! - the parts in order: `=words` for words the template or vanban wrote; `@n:rest` (or
//!   `^n:rest` when shown in capitals) for a field whose path is the first `n` steps of the
//!   previous field's path followed by `rest`, and then a token of the field's text as shown.
//!
//! Tabs, line breaks and backslashes inside texts and paths are written `\t`, `\n`, `\\`.

use quick_xml::events::Event;

use super::path::{FieldPath, Step, push_number};
use super::provenance::{Entry, Part, Provenance};
use super::units::Place;
use crate::docx::PROVENANCE_NAMESPACE as NAMESPACE;

/// Writes a map line by line.
pub(super) struct Writer {
    xml: String,
    /// The place of the last line, for `.column`.
    place: Option<Place>,
    /// The last field's path, for the steps the next one shares with it.
    path: Vec<Step>,
}

/// A piece of a unit's text, as [`Writer::entry`] is given it.
pub(super) enum Piece<'a> {
    /// Words the template or vanban wrote.
    Fixed(&'a str),
    /// A record string.
    Field {
        path: &'a FieldPath,
        text: &'a str,
        upper: bool,
    },
}

/// The characters [`push_text`] escapes.
const ESCAPED: &[u8; 6] = b"\\\t\n&<>";

/// Appends `text` with tabs, line breaks and backslashes escaped, and XML's `&`, `<`, `>`.
fn push_text(out: &mut String, text: &str) {
    if !crate::text::has_any(text, ESCAPED) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

impl Writer {
    pub(super) fn new(record: &str, date: Option<&str>) -> Writer {
        use quick_xml::escape::escape as esc;
        let mut xml = String::with_capacity(4096);
        xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        xml.push_str("<v:provenance xmlns:v=\"");
        xml.push_str(NAMESPACE);
        xml.push_str("\" record=\"");
        xml.push_str(&esc(record));
        xml.push('"');
        if let Some(date) = date {
            xml.push_str(" date=\"");
            xml.push_str(&esc(date));
            xml.push('"');
        }
        xml.push_str(">\n");
        Writer {
            xml,
            place: None,
            path: Vec::new(),
        }
    }

    /// The line of one unit at `place`, made of `parts`; `progress` for a progress cell.
    pub(super) fn entry<'p>(
        &mut self,
        place: Place,
        progress: Option<&FieldPath>,
        parts: impl Iterator<Item = Piece<'p>>,
    ) {
        match (place, self.place) {
            (Place::Paragraph, _) => self.xml.push('p'),
            (
                Place::Cell {
                    table, row, column, ..
                },
                Some(Place::Cell {
                    table: t, row: r, ..
                }),
            ) if (t, r) == (table, row) => {
                self.xml.push('.');
                push_number(&mut self.xml, column);
            }
            (
                Place::Cell {
                    table, row, column, ..
                },
                _,
            ) => {
                for (i, n) in [table, row, column].into_iter().enumerate() {
                    if i > 0 {
                        self.xml.push('.');
                    }
                    push_number(&mut self.xml, n);
                }
            }
        }
        if matches!(place, Place::Cell { header: true, .. }) {
            self.xml.push('h');
        }
        self.place = Some(place);
        if let Some(item) = progress {
            self.xml.push_str("\t~");
            push_text(&mut self.xml, &item.to_string());
        }
        for part in parts {
            self.xml.push('\t');
            match part {
                Piece::Fixed(words) => {
                    self.xml.push('=');
                    push_text(&mut self.xml, words);
                }
                Piece::Field { path, text, upper } => {
                    let n = self
                        .path
                        .iter()
                        .zip(&path.0)
                        .take_while(|(a, b)| a == b)
                        .count();
                    self.xml.push(if upper { '^' } else { '@' });
                    push_number(&mut self.xml, n);
                    self.xml.push(':');
                    let start = self.xml.len();
                    path.write_from(n, &mut self.xml);
                    if crate::text::has_any(&self.xml[start..], ESCAPED) {
                        let rest = self.xml.split_off(start);
                        push_text(&mut self.xml, &rest);
                    }
                    self.xml.push('\t');
                    push_text(&mut self.xml, text);
                    self.path.truncate(n);
                    self.path.extend_from_slice(&path.0[n..]);
                }
            }
        }
        self.xml.push('\n');
    }

    pub(super) fn finish(mut self) -> String {
        self.xml.push_str("</v:provenance>");
        self.xml
    }
}

/// Undoes [`push_text`]'s tab, line break and backslash escapes.
fn unescape(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    // A map written before units were compared with plain spaces holds a glued title's
    // no-break space.
    super::units::spaced(out).into_owned()
}

/// One line of the map; `place` and `path` are those of the line before.
fn line(text: &str, place: &mut Option<Place>, path: &mut FieldPath) -> Option<Entry> {
    let mut tokens = text.split('\t');
    let first = tokens.next()?;
    let (position, header) = match first.strip_suffix('h') {
        Some(p) => (p, true),
        None => (first, false),
    };
    let number = |t: &str| t.parse::<usize>().ok();
    let entry_place = if position == "p" {
        Place::Paragraph
    } else if let Some(column) = position.strip_prefix('.') {
        let Some(Place::Cell { table, row, .. }) = *place else {
            return None;
        };
        Place::Cell {
            table,
            row,
            column: number(column)?,
            header,
        }
    } else {
        let mut n = position.split('.');
        let (table, row, column) = (number(n.next()?)?, number(n.next()?)?, number(n.next()?)?);
        Place::Cell {
            table,
            row,
            column,
            header,
        }
    };
    *place = Some(entry_place);
    let mut entry = Entry {
        place: entry_place,
        parts: Vec::new(),
        progress: None,
    };
    while let Some(token) = tokens.next() {
        let mut chars = token.chars();
        match chars.next()? {
            '~' => entry.progress = Some(FieldPath::parse(&unescape(chars.as_str()))?),
            '=' => entry.parts.push(Part::Fixed(unescape(chars.as_str()))),
            marker @ ('@' | '^') => {
                let (n, rest) = chars.as_str().split_once(':')?;
                let shared = FieldPath(path.0.get(..number(n)?)?.to_vec());
                *path = FieldPath::parse(&(shared.to_string() + &unescape(rest)))?;
                entry.parts.push(Part::Field {
                    path: path.clone(),
                    text: unescape(tokens.next()?),
                    upper: marker == '^',
                });
            }
            _ => return None,
        }
    }
    Some(entry)
}

/// Reads a map back; `None` when `xml` is not one (another custom part, or another version).
pub(crate) fn read(xml: &[u8]) -> Option<Provenance> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut provenance: Option<Provenance> = None;
    let mut text = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "provenance" => {
                let attr = |name: &str| -> Option<String> {
                    e.attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == name)
                        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
                        .map(|v| v.into_owned())
                };
                let ours = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref().starts_with("xmlns") && a.value.as_ref() == NAMESPACE);
                if !ours {
                    return None;
                }
                provenance = Some(Provenance {
                    record: attr("record")?,
                    date: attr("date"),
                    entries: Vec::new(),
                });
            }
            Event::Text(t) if provenance.is_some() => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if provenance.is_some() => {
                let reference = format!("&{};", r.xml10_content());
                text.push_str(&quick_xml::escape::unescape(&reference).ok()?);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut provenance = provenance?;
    let (mut place, mut path) = (None, FieldPath::default());
    for l in text.lines().filter(|l| !l.is_empty()) {
        provenance.entries.push(line(l, &mut place, &mut path)?);
    }
    Some(provenance)
}
