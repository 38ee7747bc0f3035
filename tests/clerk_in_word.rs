//! What a Vietnamese clerk meets when opening a vanban document in Word: text proofed as
//! Vietnamese, style names in Vietnamese in the gallery, a font table with only the fonts
//! used, and document properties that invent nothing.

mod common;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use common::*;

/// The value of attribute `name` of an element.
fn attribute(element: &BytesStart<'_>, name: &str) -> Option<String> {
    element.try_get_attribute(name).unwrap().map(|a| {
        quick_xml::escape::unescape(a.value.as_ref())
            .unwrap()
            .into_owned()
    })
}

/// The elements named `name` of an XML part, each with the names of the elements it is in.
fn elements(xml: &str, name: &str) -> Vec<(Vec<String>, BytesStart<'static>)> {
    let mut reader = Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut found = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) => {
                if e.name().as_ref() == name {
                    found.push((path.clone(), e.to_owned()));
                }
                path.push(e.name().as_ref().to_string());
            }
            Event::Empty(e) if e.name().as_ref() == name => {
                found.push((path.clone(), e.to_owned()));
            }
            Event::End(_) => {
                path.pop();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

fn rendered(record: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    render(&repo(record))
}

const PLAN: &str = "plans/so-noi-vu/ke-hoach-khac-phuc-cchc-2020.toml";

#[test]
fn the_text_is_vietnamese_for_word_and_libreoffice() {
    let (_dir, docx) = rendered(PLAN);
    let styles = part(&docx, "word/styles.xml");
    let langs = elements(&styles, "w:lang");
    assert_eq!(langs.len(), 1, "one language, set once for the document");
    let (path, lang) = &langs[0];
    assert_eq!(
        path[1..],
        ["w:docDefaults", "w:rPrDefault", "w:rPr"],
        "{path:?}"
    );
    assert_eq!(attribute(lang, "w:val").as_deref(), Some("vi-VN"));
    assert_eq!(attribute(lang, "w:eastAsia").as_deref(), Some("vi-VN"));
    // Nothing overrides it further down.
    assert!(!part(&docx, "word/document.xml").contains("<w:lang"));
}
