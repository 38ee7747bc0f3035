//! Golden snapshots of the XML vanban writes: word/document.xml and word/styles.xml of every
//! bundled plan and every good and warning fixture, and the parts that do not depend on the
//! record's content (settings, font table, page-number headers) of one record per size set.
//!
//! A snapshot shows a part one element per line, indented by depth, so that a diff reads as
//! a change of the document. The lines are exact slices of the part's bytes (tags with their
//! attributes as written, text quoted with its whitespace and escapes visible), and together
//! they are the whole part, so any change of any byte fails. After a change on purpose:
//! `INSTA_UPDATE=always cargo test --test golden`, then read the diff before committing.

mod common;

use std::path::{Path, PathBuf};

use quick_xml::Reader;
use quick_xml::events::Event;

use common::*;

/// The record folders rendered, each into the output folder of the same name.
const SOURCES: [(&str, &str); 3] = [
    ("plans", "plans"),
    ("tests/fixtures/good", "good"),
    ("tests/fixtures/warn", "warn"),
];

/// One record per size set, whose fixed parts are snapshotted: the default 12/13/13 set and
/// `co_chu = "lon"`.
const SIZE_SET_RECORDS: [&str; 2] = [
    "plans/so-noi-vu/ke-hoach-khac-phuc-cchc-2020",
    "good/ubnd-xa",
];

/// A part as indented lines: each line is one tag or one run of character data, taken as it
/// is from the part; text is quoted (Rust string syntax) so whitespace shows. An element that
/// holds only text is one line: `<w:t>"text"</w:t>`.
fn indented(xml: &str) -> String {
    let mut reader = Reader::from_str(xml);
    let mut lines = Lines::default();
    let mut text_start: Option<usize> = None;
    let mut position = 0usize;
    // What the lines hold, unquoted: must be the whole part, byte for byte.
    let mut covered = String::with_capacity(xml.len());
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let end = usize::try_from(reader.buffer_position()).unwrap();
        let raw = &xml[position..end];
        let is_text = matches!(
            event,
            Event::Text(_) | Event::GeneralRef(_) | Event::CData(_)
        );
        if !is_text {
            if let Some(start) = text_start.take() {
                lines.text(&xml[start..position]);
                covered.push_str(&xml[start..position]);
            }
            covered.push_str(raw);
        }
        match event {
            Event::Eof => break,
            Event::Text(_) | Event::GeneralRef(_) | Event::CData(_) => {
                text_start.get_or_insert(position);
            }
            Event::Start(_) => lines.open(raw),
            Event::End(_) => lines.close(raw),
            _ => lines.tag(raw),
        }
        position = end;
    }
    assert_eq!(covered, xml, "the lines hold the whole part");
    lines.out
}

/// The indented lines being written; the last line stays open while an element that may hold
/// only text is read.
#[derive(Default)]
struct Lines {
    out: String,
    depth: usize,
    /// The last line is a start tag, possibly followed by its text.
    open_line: bool,
    /// … and that text has been added.
    open_text: bool,
}

impl Lines {
    fn new_line(&mut self, depth: usize) {
        self.open_line = false;
        self.open_text = false;
        for _ in 0..depth {
            self.out.push_str("  ");
        }
    }

    fn tag(&mut self, raw: &str) {
        self.new_line(self.depth);
        self.out.push_str(raw);
        self.out.push('\n');
    }

    fn open(&mut self, raw: &str) {
        self.tag(raw);
        self.depth += 1;
        self.open_line = true;
    }

    fn text(&mut self, raw: &str) {
        let quoted = format!("{raw:?}");
        if self.open_line && !self.open_text {
            self.out.pop();
            self.out.push_str(&quoted);
            self.out.push('\n');
            self.open_text = true;
        } else {
            self.tag(&quoted);
        }
    }

    fn close(&mut self, raw: &str) {
        self.depth -= 1;
        if self.open_line {
            self.out.pop();
            self.out.push_str(raw);
            self.out.push('\n');
            self.open_line = false;
            self.open_text = false;
        } else {
            self.tag(raw);
        }
    }
}

/// Renders every source folder into a fresh folder; returns it and the .docx files, sorted.
fn render_all() -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    for (source, out) in SOURCES {
        let o = vanban(
            dir.path(),
            &["render", repo(source).to_str().unwrap(), "--out", out, "-q"],
        );
        assert!(o.status.success(), "{source}: {}", stderr(&o));
    }
    let files = files(dir.path(), "docx");
    (dir, files)
}

/// "plans/so-noi-vu/ke-hoach-…-2020" for out/plans/so-noi-vu/ke-hoach-…-2020.docx.
fn record_name(out: &Path, docx: &Path) -> String {
    let relative = docx.strip_prefix(out).unwrap().with_extension("");
    relative
        .components()
        .map(|c| c.as_os_str().to_str().unwrap())
        .collect::<Vec<_>>()
        .join("/")
}

/// The snapshot name of a part of a record: `plans__so-noi-vu__ke-hoach-…-2020__document`.
fn snapshot_name(record: &str, part: &str) -> String {
    let stem = part.trim_start_matches("word/").trim_end_matches(".xml");
    format!("{}__{stem}", record.replace('/', "__"))
}

fn assert_part(docx: &Path, record: &str, part: &str) {
    let pretty = indented(&common::part(docx, part));
    insta::with_settings!({
        snapshot_path => "snapshots/golden",
        prepend_module_to_snapshot => false,
    }, {
        insta::assert_snapshot!(snapshot_name(record, part), pretty);
    });
}

#[test]
fn every_record_renders_its_document_and_styles_exactly() {
    let (dir, files) = render_all();
    let mut records: Vec<String> = files.iter().map(|f| record_name(dir.path(), f)).collect();
    // Every record gives a file, so a record that stopped rendering cannot drop out unseen.
    let mut expected = Vec::new();
    for (source, out) in SOURCES {
        for entry in walkdir::WalkDir::new(repo(source)).sort_by_file_name() {
            let path = entry.unwrap().into_path();
            if path.extension().is_some_and(|x| x == "toml") {
                let relative = path.strip_prefix(repo(source)).unwrap().with_extension("");
                expected.push(format!("{out}/{}", relative.to_str().unwrap()));
            }
        }
    }
    records.sort();
    expected.sort();
    assert_eq!(records, expected);
    for (docx, record) in files.iter().zip(&records) {
        assert_part(docx, record, "word/document.xml");
        assert_part(docx, record, "word/styles.xml");
    }
}

#[test]
fn the_fixed_parts_of_each_size_set_are_exact() {
    let (dir, _) = render_all();
    for record in SIZE_SET_RECORDS {
        let docx = dir.path().join(format!("{record}.docx"));
        let headers: Vec<String> = part_names(&docx)
            .into_iter()
            .filter(|n| n.starts_with("word/header"))
            .collect();
        assert!(!headers.is_empty(), "{record} has no header part");
        for part in ["word/settings.xml", "word/fontTable.xml"]
            .into_iter()
            .chain(headers.iter().map(String::as_str))
        {
            assert_part(&docx, record, part);
        }
    }
}

#[test]
fn indenting_keeps_every_byte() {
    let xml =
        "<?xml version=\"1.0\"?>\n<a x=\"1\"  y='2'><b/><c>A &amp; B </c><d></d><e> <f/></e></a>";
    assert_eq!(
        indented(xml),
        "<?xml version=\"1.0\"?>\n\"\\n\"\n<a x=\"1\"  y='2'>\n  <b/>\n  <c>\"A &amp; B \"</c>\n  <d></d>\n  <e>\" \"\n    <f/>\n  </e>\n</a>\n"
    );
}
