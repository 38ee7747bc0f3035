//! Invariants over generated records (proptest): whatever text a clerk pastes, rendering
//! never panics, the result is a valid zip whose XML carries only characters XML allows, the
//! text comes back as written (after NFC and dropping control characters), and tasks are
//! numbered 1..n across groups with no number duplicated or skipped.

mod common;

use std::io::{Cursor, Read};
use std::path::Path;

use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

/// Words with the hazards clerks paste: template and XML syntax, markup directives, NFD
/// Vietnamese, and any non-control character at all.
fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        "[^\\s\\p{C}*]{1,8}",
        Just("{{ x }}".to_string()),
        Just("{% if %}".to_string()),
        Just("<w:p>".to_string()),
        Just("&amp;".to_string()),
        Just("#".to_string()),
        Just("-".to_string()),
        Just("+".to_string()),
        Just("@h1".to_string()),
        Just("@end".to_string()),
        Just("\\".to_string()),
        Just("Nguye\u{302}\u{303}n".to_string()),
        Just("thư\u{323}c hie\u{323}\u{302}n".to_string()),
    ]
}

/// A line of words separated by single spaces.
fn line() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..12).prop_map(|w| w.join(" "))
}

/// Any characters at all, weighted towards those XML refuses and combining marks.
fn anything() -> impl Strategy<Value = String> {
    let character = prop_oneof![
        3 => any::<char>(),
        1 => prop::char::range('\u{0}', '\u{1f}'),
        1 => prop::sample::select(vec!['\u{7f}', '\u{85}', '\u{FFFE}', '\u{FFFF}', '\u{301}', '\u{323}']),
    ];
    prop::collection::vec(character, 0..40).prop_map(|c| c.into_iter().collect())
}

fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn record(title: &str, paragraphs: &[String], groups: &[Vec<String>]) -> String {
    let mut toml = format!(
        "loai = \"ke-hoach\"\nnam = 2022\ntrich_yeu = {}\nmo_dau = [{}]\n",
        quoted(title),
        paragraphs
            .iter()
            .map(|p| quoted(p))
            .collect::<Vec<_>>()
            .join(", ")
    );
    toml.push_str(
        "[co_quan]\nten = \"Sở Nội vụ\"\nviet_tat = \"SNV\"\ndia_danh = \"Hà Tĩnh\"\n\
         [nguoi_ky]\nchuc_vu = \"Giám đốc\"\nho_ten = \"Nguyễn Văn A\"\n\
         [noi_nhan]\nluu = \"VT\"\n\
         [[phu_luc]]\ntieu_de = \"Nhiệm vụ\"\nmau = \"nhiem-vu\"\n",
    );
    for (g, tasks) in groups.iter().enumerate() {
        toml.push_str(&format!("[[nhom]]\nten = \"Nhóm {g}\"\n"));
        for task in tasks {
            toml.push_str(&format!("[[nhom.nhiem_vu]]\nten = {}\n", quoted(task)));
        }
    }
    toml
}

fn render(source: &str) -> Vec<u8> {
    let templates = vanban::template::Templates::load(None).unwrap();
    let loaded = vanban::record::parse(Path::new("generated.toml"), source)
        .unwrap_or_else(|e| panic!("generated record refused:\n{e}\n{source}"));
    let mut rendered = vanban::render_loaded(loaded, &templates, Default::default()).unwrap();
    assert_eq!(rendered.files.len(), 1);
    rendered.files.remove(0).bytes
}

fn document_xml(docx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).expect("a valid zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// What the document must show for record text: NFC, without control characters.
fn expected(text: &str) -> String {
    text.nfc().filter(|c| !c.is_control()).collect()
}

/// The number cells of the appendix's rows that hold a number (group rows hold I, II, …).
fn task_numbers(xml: &str) -> Vec<usize> {
    let appendix = xml.match_indices("<w:tbl>").count() - 1;
    common::table(xml, appendix)
        .split("<w:tr")
        .skip(1)
        .filter_map(|row| {
            let start = row.find("<w:tc>")? + "<w:tc>".len();
            let end = row.find("</w:tc>")?;
            common::texts(&row[start..end]).first()?.parse().ok()
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn pasted_text_comes_back_as_written(
        title in line(),
        paragraphs in prop::collection::vec(line(), 1..4),
    ) {
        let xml = document_xml(&render(&record(&title, &paragraphs, &[])));
        prop_assert!(xml.chars().all(xml_char));
        let texts = common::texts(&xml);
        for paragraph in &paragraphs {
            let want = expected(paragraph);
            prop_assert!(texts.contains(&want), "{want:?} not among {texts:?}");
        }
        let all = common::unglued(&texts.concat());
        prop_assert!(all.contains(&common::unglued(&expected(&title))), "title {title:?} lost");
    }

    #[test]
    fn any_characters_render_into_valid_xml(title in anything(), body in anything()) {
        // A title of nothing but characters a document cannot hold is blank once cleaned, and a
        // blank trich_yeu is refused: give it a letter.
        let title = if vanban::record::Text::new(&title).is_blank() { format!("x{title}") } else { title };
        let xml = document_xml(&render(&record(&title, &[body], &[])));
        prop_assert!(xml.chars().all(xml_char));
    }

    #[test]
    fn tasks_are_numbered_once_each_across_groups(
        groups in prop::collection::vec(prop::collection::vec(line(), 1..6), 1..6),
    ) {
        let xml = document_xml(&render(&record("Nhiệm vụ", &["Mở đầu.".to_string()], &groups)));
        let total: usize = groups.iter().map(Vec::len).sum();
        prop_assert_eq!(task_numbers(&xml), (1..=total).collect::<Vec<_>>());
    }
}
