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

/// Every style of the gallery by id, with the name a clerk reads there. The headings and
/// Normal keep Word's built-in names, which Word shows in the language of its menus.
const GALLERY: [(&str, &str); 29] = [
    ("Normal", "Normal"),
    ("Body", "Nội dung"),
    ("Heading1", "heading 1"),
    ("Heading2", "heading 2"),
    ("Heading3", "heading 3"),
    ("Point", "Gạch đầu dòng"),
    ("Note", "Ghi chú"),
    ("AgencyParent", "Cơ quan chủ quản"),
    ("AgencyIssuer", "Cơ quan ban hành"),
    ("QuocHieu", "Quốc hiệu"),
    ("TieuNgu", "Tiêu ngữ"),
    ("DocNumber", "Số và ký hiệu"),
    ("PlaceDate", "Địa danh và ngày tháng"),
    ("DocKind", "Tên loại văn bản"),
    ("TrichYeu", "Trích yếu"),
    ("TrichYeuCongVan", "Trích yếu công văn"),
    ("Rule", "Đường kẻ"),
    ("KinhGui", "Kính gửi"),
    ("CanCu", "Căn cứ"),
    ("RecipientsLabel", "Nơi nhận"),
    ("Recipients", "Danh sách nơi nhận"),
    ("SignerTitle", "Chức vụ người ký"),
    ("SignerName", "Họ tên người ký"),
    ("TableText", "Chữ trong bảng"),
    ("TableTextSmall", "Chữ trong bảng phụ lục"),
    ("AppendixLabel", "Phụ lục"),
    ("AppendixTitle", "Tên phụ lục"),
    ("AppendixAttached", "Kèm theo văn bản"),
    ("PageNumber", "Số trang"),
];

/// (style id, name, shown in the gallery) of every style of a styles.xml.
fn styles(xml: &str) -> Vec<(String, String, bool)> {
    let mut reader = Reader::from_str(xml);
    let mut out: Vec<(String, String, bool)> = Vec::new();
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == "w:style" => {
                out.push((attribute(&e, "w:styleId").unwrap(), String::new(), false));
            }
            Event::Empty(e) if e.name().as_ref() == "w:name" => {
                out.last_mut().unwrap().1 = attribute(&e, "w:val").unwrap();
            }
            Event::Empty(e) if e.name().as_ref() == "w:qFormat" => {
                out.last_mut().unwrap().2 = true;
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn the_style_gallery_speaks_vietnamese() {
    for record in [PLAN, "tests/fixtures/good/ubnd-xa.toml"] {
        let (_dir, docx) = rendered(record);
        let found = styles(&part(&docx, "word/styles.xml"));
        let expected: Vec<(String, String, bool)> = GALLERY
            .iter()
            .map(|(id, name)| (id.to_string(), name.to_string(), true))
            .collect();
        assert_eq!(found, expected, "{record}");
        // Every style a paragraph uses is one of them.
        for paragraph in paragraphs(&part(&docx, "word/document.xml")) {
            assert!(
                GALLERY.iter().any(|(id, _)| *id == paragraph.style),
                "{record}: paragraph style {:?} is not in the gallery",
                paragraph.style
            );
        }
    }
}

/// The sorted, distinct values of the attributes `names` of the elements `element`.
fn values(xml: &str, element: &str, names: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = elements(xml, element)
        .iter()
        .flat_map(|(_, e)| names.iter().filter_map(|n| attribute(e, n)))
        .collect();
    found.sort();
    found.dedup();
    found
}

#[test]
fn the_font_table_lists_exactly_the_fonts_used() {
    for record in [
        PLAN,
        "plans/so-noi-vu/bao-cao-6-thang-dau-nam-2021.toml",
        "tests/fixtures/good/ubnd-xa.toml",
    ] {
        let (_dir, docx) = rendered(record);
        let listed_elements = elements(&part(&docx, "word/fontTable.xml"), "w:font");
        let listed = values(&part(&docx, "word/fontTable.xml"), "w:font", &["w:name"]);
        assert_eq!(listed.len(), listed_elements.len(), "a font listed twice");
        let mut used = Vec::new();
        for name in part_names(&docx) {
            if name.starts_with("word/") && name.ends_with(".xml") && name != "word/fontTable.xml" {
                let xml = part(&docx, &name);
                used.extend(values(
                    &xml,
                    "w:rFonts",
                    &["w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"],
                ));
                for slot in ["a:latin", "a:ea", "a:cs"] {
                    used.extend(values(&xml, slot, &["typeface"]));
                }
            }
        }
        used.retain(|f| !f.is_empty());
        used.sort();
        used.dedup();
        assert_eq!(listed, used, "{record}");
        assert_eq!(used, ["Times New Roman"], "{record}");
    }
}

#[test]
fn a_record_without_its_signing_day_gets_no_invented_date() {
    // `nam` only, and `nam` with `thang`: no day, so no date at all.
    for record in [PLAN, "plans/so-noi-vu/bao-cao-6-thang-dau-nam-2021.toml"] {
        let (_dir, docx) = rendered(record);
        let core = part(&docx, "docProps/core.xml");
        assert!(!core.contains("dcterms:created"), "{record}: {core}");
        assert!(!core.contains("dcterms:modified"), "{record}: {core}");
        assert!(!core.contains("2021-"), "{record}: {core}");
    }
    // `ngay`: the signing day, at midnight UTC.
    let (_dir, docx) = rendered("plans/so-cong-thuong/ke-hoach-cchc-2021.toml");
    let core = part(&docx, "docProps/core.xml");
    assert_contains(
        &core,
        r#"<dcterms:created xsi:type="dcterms:W3CDTF">2020-12-31T00:00:00Z</dcterms:created>"#,
    );
}
