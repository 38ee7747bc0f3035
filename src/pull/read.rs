//! Reads a .docx as `pull` needs it: the provenance part, and the document's units with
//! tracked changes taken (insertions kept, deletions dropped) and listed with their authors,
//! and comments with their authors and the text they are attached to.
//!
//! Read with quick-xml rather than docx-rs's reader: docx-rs 0.4.22 does not read custom XML
//! parts at all, and keeps private what `pull` needs of the rest (a cell's grid span, the id
//! of a comment's range end, the text of a deletion). Units are gathered by the same
//! `Collector` that records vanban's own document at render from its XML writer, so the units
//! of an unedited file are exactly those of its provenance (a test here holds them equal).

use std::io::{Read, Seek};

use quick_xml::events::{BytesStart, Event};

use super::map;
use super::provenance::Provenance;
use super::units::{Collector, Unit};

/// Largest part read from a .docx (the document of a 10,000-row plan is a few MiB).
const LARGEST_PART: u64 = 256 << 20;

/// A tracked change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Revision {
    pub inserted: bool,
    pub author: String,
    pub text: String,
}

/// A comment, with the document text it is attached to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Comment {
    pub author: String,
    pub text: String,
    pub anchored: String,
}

/// What a document says.
#[derive(Debug, Default)]
pub(crate) struct Document {
    pub units: Vec<Unit>,
    pub revisions: Vec<Revision>,
    pub comments: Vec<Comment>,
}

/// Why a file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Unreadable {
    /// Not a zip, or a damaged one.
    NotZip(String),
    /// A zip without word/document.xml, or with a part that is not XML.
    NotWord(String),
}

fn attribute(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok())
        .map(|v| v.into_owned())
}

/// Reads word/document.xml (and the comments part, when given).
pub(crate) fn document(xml: &[u8], comments_xml: Option<&[u8]>) -> Result<Document, String> {
    // Read from the slice, borrowing: a 10,000-row document is read at every render.
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut units = Collector::default();
    let mut revisions = Vec::new();
    let mut anchors: Vec<(String, String)> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut in_text = false;
    let mut in_run = false;
    let mut deleting = 0_usize;
    let mut fallback = 0_usize;
    let mut revision: Option<Revision> = None;
    loop {
        let event = reader.read_event().map_err(|e| e.to_string())?;
        let empty = matches!(event, Event::Empty(_));
        let mut text: Option<std::borrow::Cow<'_, str>> = None;
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "Fallback" if !empty => fallback += 1,
                "tbl" => units.start_table(),
                "tr" => units.start_row(),
                "tblHeader" => units.header_row(),
                "tc" => units.start_cell(),
                "gridSpan" => units.span(
                    attribute(&e, "val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1),
                ),
                "p" if empty => units.end_paragraph(),
                "ins" | "moveTo" | "del" | "moveFrom" if !empty => {
                    let inserted = matches!(e.local_name().as_ref(), "ins" | "moveTo");
                    if !inserted {
                        deleting += 1;
                    }
                    revision = Some(Revision {
                        inserted,
                        author: attribute(&e, "author").unwrap_or_default(),
                        text: String::new(),
                    });
                }
                "t" | "delText" => in_text = !empty,
                "r" if !empty => in_run = true,
                "tab" if in_run => text = Some("\t".into()),
                "br" | "cr" => text = Some("\n".into()),
                "commentRangeStart" => {
                    if let Some(id) = attribute(&e, "id") {
                        open.push(anchors.len());
                        anchors.push((id, String::new()));
                    }
                }
                "commentRangeEnd" => {
                    if let Some(id) = attribute(&e, "id") {
                        open.retain(|i| anchors[*i].0 != id);
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => text = Some(t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                let reference = format!("&{};", r.xml10_content());
                text = Some(
                    quick_xml::escape::unescape(&reference)
                        .map_err(|e| e.to_string())?
                        .into_owned()
                        .into(),
                );
            }
            Event::End(e) => match e.local_name().as_ref() {
                "Fallback" => fallback = fallback.saturating_sub(1),
                "t" | "delText" => in_text = false,
                "r" => in_run = false,
                "p" => units.end_paragraph(),
                "tc" => units.end_cell(),
                "tr" => units.end_row(),
                "tbl" => units.end_table(),
                "ins" | "moveTo" | "del" | "moveFrom" => {
                    if !matches!(e.local_name().as_ref(), "ins" | "moveTo") {
                        deleting = deleting.saturating_sub(1);
                    }
                    if let Some(r) = revision.take().filter(|r| !r.text.trim().is_empty()) {
                        revisions.push(r);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        if let Some(text) = text.filter(|_| fallback == 0) {
            if let Some(r) = revision.as_mut() {
                r.text.push_str(&text);
            }
            if deleting == 0 {
                units.text(&text);
                for i in &open {
                    anchors[*i].1.push_str(&text);
                }
            }
        }
    }
    let comments = match comments_xml {
        Some(xml) => read_comments(xml, &anchors)?,
        None => Vec::new(),
    };
    Ok(Document {
        units: units.units,
        revisions,
        comments,
    })
}

/// The comments of word/comments.xml, each with the text its range covers.
fn read_comments(xml: &[u8], anchors: &[(String, String)]) -> Result<Vec<Comment>, String> {
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut comments = Vec::new();
    let mut current: Option<(String, Comment)> = None;
    let mut in_text = false;
    let mut buf = Vec::new();
    loop {
        match reader
            .read_event_into(&mut buf)
            .map_err(|e| e.to_string())?
        {
            Event::Start(e) => match e.local_name().as_ref() {
                "comment" => {
                    let id = attribute(&e, "id").unwrap_or_default();
                    let anchored = anchors
                        .iter()
                        .find(|(a, _)| *a == id)
                        .map(|(_, text)| text.clone())
                        .unwrap_or_default();
                    current = Some((
                        id,
                        Comment {
                            author: attribute(&e, "author").unwrap_or_default(),
                            text: String::new(),
                            anchored,
                        },
                    ));
                }
                "t" => in_text = true,
                _ => {}
            },
            Event::Text(t) if in_text => {
                if let Some((_, c)) = current.as_mut() {
                    c.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_text => {
                let reference = format!("&{};", r.xml10_content());
                if let (Some((_, c)), Ok(text)) =
                    (current.as_mut(), quick_xml::escape::unescape(&reference))
                {
                    c.text.push_str(&text);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    if let Some((_, c)) = current.as_mut() {
                        if !c.text.is_empty() && !c.text.ends_with('\n') {
                            c.text.push('\n');
                        }
                    }
                }
                "comment" => {
                    if let Some((_, mut c)) = current.take() {
                        c.text = c.text.trim_end().to_string();
                        comments.push(c);
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(comments)
}

fn part<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<Vec<u8>>, Unreadable> {
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(Unreadable::NotZip(e.to_string())),
    };
    let mut bytes = Vec::new();
    file.take(LARGEST_PART)
        .read_to_end(&mut bytes)
        .map_err(|e| Unreadable::NotZip(e.to_string()))?;
    Ok(Some(bytes))
}

/// A .docx read for `pull`: its provenance (`None` when vanban did not render it) and what
/// its document says.
pub(crate) fn package(bytes: &[u8]) -> Result<(Option<Provenance>, Document), Unreadable> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Unreadable::NotZip(e.to_string()))?;
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("customXml/item") && !n.contains("Props") && n.ends_with(".xml"))
        .map(str::to_string)
        .collect();
    let mut found = None;
    for name in names {
        if let Some(xml) = part(&mut zip, &name)? {
            if let Some(p) = map::read(&xml) {
                found = Some(p);
                break;
            }
        }
    }
    let document_xml = part(&mut zip, "word/document.xml")?
        .ok_or_else(|| Unreadable::NotWord("word/document.xml".into()))?;
    let comments_xml = part(&mut zip, "word/comments.xml")?;
    let document = document(&document_xml, comments_xml.as_deref()).map_err(Unreadable::NotWord)?;
    Ok((found, document))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The map is built from the writer's elements, not by reading the part back: for every
    /// bundled plan and every test record that renders (hostile text, line breaks, spanned
    /// cells), it holds exactly the units a reader finds in the written document.
    #[test]
    fn the_map_holds_the_units_a_reader_finds_in_the_written_document() {
        let templates = crate::template::Templates::load(None).unwrap();
        let root = env!("CARGO_MANIFEST_DIR");
        let records = ["plans", "tests/fixtures/good", "tests/fixtures/corpus"]
            .iter()
            .flat_map(|folder| {
                walkdir::WalkDir::new(format!("{root}/{folder}")).sort_by_file_name()
            })
            .map(|e| e.unwrap().into_path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"));
        let mut documents = 0;
        for record in records {
            let options = crate::pipeline::RenderOptions::default();
            let Ok(rendered) = crate::pipeline::render(&record, &templates, options) else {
                continue;
            };
            for file in rendered.files {
                let (provenance, document) = package(&file.bytes).unwrap();
                let mapped: Vec<(String, _)> = provenance
                    .unwrap()
                    .entries
                    .iter()
                    .map(|e| (e.text(), e.place))
                    .collect();
                let read: Vec<(String, _)> = document
                    .units
                    .into_iter()
                    .map(|u| (u.text, u.place))
                    .collect();
                assert_eq!(mapped, read, "{}", record.display());
                documents += 1;
            }
        }
        assert!(documents >= 20, "{documents}");
    }
}
