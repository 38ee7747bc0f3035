//! The named styles a clerk finds in Word's style list, and word/styles.xml that carries them.
//! Every paragraph of a vanban document has one of these styles, so changing "Nội dung" or
//! "heading 1" in Word restyles the document; direct formatting is left for inline bold and
//! italic only. The sheet is data ([`sheet`]); [`styles_xml`] writes it, each element's children
//! in the order of ECMA-376 Part 1 §17.7.

use super::xml::Xml;
use crate::layout::Sizes;

/// The one font of the decree (nd30.md §1), in all four font slots so that Vietnamese never
/// falls back to another font.
pub(super) const FONT: &str = "Times New Roman";

/// The language of the text: Word proofs it as Vietnamese and LibreOffice hyphenates and
/// checks it so. Set for Latin and East Asian text (w:val, w:eastAsia); vanban writes no
/// right-to-left text, so w:bidi is left to the reader's default.
pub(super) const LANGUAGE: &str = "vi-VN";

/// Style ids used by the writer.
pub(super) mod id {
    pub(crate) const NORMAL: &str = "Normal";
    pub(crate) const BODY: &str = "Body";
    pub(crate) const HEADING1: &str = "Heading1";
    pub(crate) const HEADING2: &str = "Heading2";
    pub(crate) const HEADING3: &str = "Heading3";
    pub(crate) const POINT: &str = "Point";
    pub(crate) const NOTE: &str = "Note";
    pub(crate) const PARENT: &str = "AgencyParent";
    pub(crate) const ISSUER: &str = "AgencyIssuer";
    pub(crate) const QUOC_HIEU: &str = "QuocHieu";
    pub(crate) const TIEU_NGU: &str = "TieuNgu";
    pub(crate) const SO: &str = "DocNumber";
    pub(crate) const DATE: &str = "PlaceDate";
    pub(crate) const KIND: &str = "DocKind";
    pub(crate) const TRICH_YEU: &str = "TrichYeu";
    pub(crate) const VV: &str = "TrichYeuCongVan";
    pub(crate) const RULE: &str = "Rule";
    pub(crate) const KINH_GUI: &str = "KinhGui";
    pub(crate) const CAN_CU: &str = "CanCu";
    pub(crate) const NOI_NHAN_LABEL: &str = "RecipientsLabel";
    pub(crate) const NOI_NHAN: &str = "Recipients";
    pub(crate) const SIGNER_TITLE: &str = "SignerTitle";
    pub(crate) const SIGNER_NAME: &str = "SignerName";
    pub(crate) const TABLE_TEXT: &str = "TableText";
    pub(crate) const TABLE_TEXT_SMALL: &str = "TableTextSmall";
    pub(crate) const APPENDIX_LABEL: &str = "AppendixLabel";
    pub(crate) const APPENDIX_TITLE: &str = "AppendixTitle";
    pub(crate) const APPENDIX_ATTACHED: &str = "AppendixAttached";
    pub(crate) const PAGE_NUMBER: &str = "PageNumber";
}

/// Horizontal alignment of a style's paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Align {
    Left,
    Centre,
    Justify,
}

/// One paragraph style: what a clerk sees and edits in Word.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Style {
    id: &'static str,
    /// The name shown in Word's style gallery, in Vietnamese.
    name: &'static str,
    /// Font size in points.
    size: f32,
    align: Align,
    /// Body text's first-line indent of 1.27 cm (nd30.md §4.7).
    first_line_indent: bool,
    /// Space before and after, and the line height, in twips (240 = single).
    before: u32,
    after: u32,
    line: u32,
    bold: bool,
    italic: bool,
    /// Level in Word's navigation pane, 0 for heading 1.
    outline_level: Option<u8>,
    /// The style Word gives the paragraph after this one when the clerk presses Enter.
    next: Option<&'static str>,
    /// Kept on the page of the paragraph that follows (headings, titles): never stranded at
    /// a page foot.
    keep_next: bool,
}

impl Style {
    /// Left-aligned, single spacing, nothing before or after.
    fn left(id: &'static str, name: &'static str, size: f32) -> Style {
        Style {
            id,
            name,
            size,
            align: Align::Left,
            first_line_indent: false,
            before: 0,
            after: 0,
            line: 240,
            bold: false,
            italic: false,
            outline_level: None,
            next: None,
            keep_next: false,
        }
    }

    /// Centred, single spacing, nothing before or after.
    fn centred(id: &'static str, name: &'static str, size: f32) -> Style {
        Style {
            align: Align::Centre,
            ..Style::left(id, name, size)
        }
    }

    /// Body text: justified, first-line indent 1.27 cm, 6 pt before, 1.15 lines (nd30.md §4.7).
    fn body(id: &'static str, name: &'static str, size: f32) -> Style {
        Style {
            align: Align::Justify,
            first_line_indent: true,
            before: 120,
            line: 276,
            ..Style::left(id, name, size)
        }
    }

    fn bold(self) -> Style {
        Style { bold: true, ..self }
    }

    fn italic(self) -> Style {
        Style {
            italic: true,
            ..self
        }
    }

    /// Single-spaced with the given space before and after, in twips.
    fn spaced(self, before: u32, after: u32) -> Style {
        Style {
            before,
            after,
            line: 240,
            ..self
        }
    }

    fn outline(self, level: u8) -> Style {
        Style {
            outline_level: Some(level),
            ..self
        }
    }

    fn kept_with_next(self) -> Style {
        Style {
            keep_next: true,
            ..self
        }
    }

    fn next(self, id: &'static str) -> Style {
        Style {
            next: Some(id),
            ..self
        }
    }

    /// `w:style`, children in the order of CT_Style.
    fn write(&self, x: &mut Xml) {
        x.open(
            "w:style",
            &[("w:type", "paragraph"), ("w:styleId", self.id)],
        );
        x.val("w:name", self.name);
        x.val("w:basedOn", id::NORMAL);
        if let Some(next) = self.next {
            x.val("w:next", next);
        }
        x.empty("w:qFormat", &[]);
        // CT_PPrBase: keepNext, spacing, ind, jc, outlineLvl.
        x.open("w:pPr", &[]);
        if self.keep_next {
            x.empty("w:keepNext", &[]);
        }
        x.empty(
            "w:spacing",
            &[
                ("w:before", &self.before.to_string()),
                ("w:after", &self.after.to_string()),
                ("w:line", &self.line.to_string()),
                ("w:lineRule", "auto"),
            ],
        );
        if self.first_line_indent {
            x.empty(
                "w:ind",
                &[("w:left", "0"), ("w:right", "0"), ("w:firstLine", "720")],
            );
        }
        match self.align {
            Align::Left => {}
            Align::Centre => x.val("w:jc", "center"),
            Align::Justify => x.val("w:jc", "both"),
        }
        if let Some(level) = self.outline_level {
            x.val("w:outlineLvl", &level.to_string());
        }
        x.close("w:pPr");
        // CT_RPr: b, bCs, i, iCs, sz, szCs.
        x.open("w:rPr", &[]);
        if self.bold {
            x.empty("w:b", &[]);
            x.empty("w:bCs", &[]);
        }
        if self.italic {
            x.empty("w:i", &[]);
            x.empty("w:iCs", &[]);
        }
        size(x, self.size);
        x.close("w:rPr");
        x.close("w:style");
    }
}

/// `w:sz` and `w:szCs` in half-points.
fn size(x: &mut Xml, points: f32) {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let half_points = ((points * 2.0).round() as u32).to_string();
    x.val("w:sz", &half_points);
    x.val("w:szCs", &half_points);
}

/// The style sheet of a size set, in the order Word lists it. The names a clerk reads in
/// Word's gallery are Vietnamese, without commas (Word's style dialog takes a comma as the
/// start of an alias). Headings keep Word's built-in names "heading 1" to "heading 3": Word
/// shows those in the language of its own menus and ties them to the navigation pane, the
/// table of contents and Ctrl+Alt+1…3; renamed, they would become ordinary styles beside
/// Word's own headings. Ids stay ASCII and unchanged.
fn sheet(sizes: &Sizes) -> [Style; 28] {
    [
        Style::body(id::BODY, "Nội dung", sizes.body).next(id::BODY),
        Style::body(id::HEADING1, "heading 1", sizes.body)
            .bold()
            .outline(0)
            .kept_with_next()
            .next(id::BODY),
        Style::body(id::HEADING2, "heading 2", sizes.body)
            .bold()
            .outline(1)
            .kept_with_next()
            .next(id::BODY),
        Style::body(id::HEADING3, "heading 3", sizes.body)
            .bold()
            .outline(2)
            .kept_with_next()
            .next(id::BODY),
        Style::body(id::POINT, "Gạch đầu dòng", sizes.body).next(id::POINT),
        Style::centred(id::NOTE, "Ghi chú", sizes.body)
            .italic()
            .spaced(120, 0),
        Style::centred(id::PARENT, "Cơ quan chủ quản", sizes.co_quan),
        Style::centred(id::ISSUER, "Cơ quan ban hành", sizes.co_quan).bold(),
        Style::centred(id::QUOC_HIEU, "Quốc hiệu", sizes.quoc_hieu).bold(),
        Style::centred(id::TIEU_NGU, "Tiêu ngữ", sizes.tieu_ngu).bold(),
        Style::centred(id::SO, "Số và ký hiệu", sizes.so).spaced(120, 0),
        Style::centred(id::DATE, "Địa danh và ngày tháng", sizes.dia_danh)
            .italic()
            .spaced(120, 0),
        Style::centred(id::KIND, "Tên loại văn bản", sizes.title)
            .bold()
            .spaced(360, 0),
        Style::centred(id::TRICH_YEU, "Trích yếu", sizes.title)
            .bold()
            .kept_with_next(),
        // Ô 5b: upright, regular, 6 pt below the Số line (nd30.md §4.5).
        Style::centred(id::VV, "Trích yếu công văn", sizes.so).spaced(120, 0),
        // An empty 1 pt paragraph whose bottom border is the rule, drawn just under the text above.
        Style::centred(id::RULE, "Đường kẻ", 1.0).spaced(60, 0),
        Style::left(id::KINH_GUI, "Kính gửi", sizes.body),
        Style::body(id::CAN_CU, "Căn cứ", sizes.body).italic(),
        Style::left(id::NOI_NHAN_LABEL, "Nơi nhận", sizes.noi_nhan_label)
            .bold()
            .italic(),
        Style::left(id::NOI_NHAN, "Danh sách nơi nhận", sizes.noi_nhan),
        Style::centred(id::SIGNER_TITLE, "Chức vụ người ký", sizes.signature).bold(),
        Style::centred(id::SIGNER_NAME, "Họ tên người ký", sizes.signature)
            .bold()
            .spaced(1700, 0),
        Style::left(id::TABLE_TEXT, "Chữ trong bảng", sizes.table).spaced(40, 40),
        Style::left(
            id::TABLE_TEXT_SMALL,
            "Chữ trong bảng phụ lục",
            sizes.appendix_table,
        )
        .spaced(40, 40),
        Style::centred(id::APPENDIX_LABEL, "Phụ lục", sizes.appendix_label)
            .bold()
            .kept_with_next(),
        Style::centred(id::APPENDIX_TITLE, "Tên phụ lục", sizes.title)
            .bold()
            .kept_with_next(),
        Style::centred(id::APPENDIX_ATTACHED, "Kèm theo văn bản", sizes.title)
            .italic()
            .kept_with_next(),
        Style::centred(id::PAGE_NUMBER, "Số trang", sizes.page_number),
    ]
}

/// word/styles.xml for a size set: the document defaults (the decree's font at the body size,
/// in Vietnamese), a bare Normal every style is based on, then the sheet.
pub(super) fn styles_xml(sizes: &Sizes) -> Vec<u8> {
    let mut x = Xml::with_capacity(10_000);
    x.open(
        "w:styles",
        &[(
            "xmlns:w",
            "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        )],
    );
    x.open("w:docDefaults", &[]);
    x.open("w:rPrDefault", &[]);
    x.open("w:rPr", &[]);
    x.empty(
        "w:rFonts",
        &[
            ("w:ascii", FONT),
            ("w:hAnsi", FONT),
            ("w:cs", FONT),
            ("w:eastAsia", FONT),
        ],
    );
    size(&mut x, sizes.body);
    x.empty("w:lang", &[("w:val", LANGUAGE), ("w:eastAsia", LANGUAGE)]);
    x.close("w:rPr");
    x.close("w:rPrDefault");
    x.open("w:pPrDefault", &[]);
    x.empty("w:pPr", &[]);
    x.close("w:pPrDefault");
    x.close("w:docDefaults");
    x.open(
        "w:style",
        &[("w:type", "paragraph"), ("w:styleId", id::NORMAL)],
    );
    x.val("w:name", "Normal");
    x.empty("w:qFormat", &[]);
    x.empty("w:pPr", &[]);
    x.empty("w:rPr", &[]);
    x.close("w:style");
    for style in sheet(sizes) {
        style.write(&mut x);
    }
    x.close("w:styles");
    x.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::SizeSet;

    #[test]
    fn style_ids_are_unique_and_ascii() {
        let sheet = sheet(&Sizes::for_set(SizeSet::Small));
        for (i, style) in sheet.iter().enumerate() {
            assert!(style.id.is_ascii(), "{}", style.id);
            assert!(
                sheet[..i].iter().all(|s| s.id != style.id),
                "{} twice",
                style.id
            );
        }
    }

    #[test]
    fn names_are_unique_vietnamese_and_free_of_commas() {
        let sheet = sheet(&Sizes::for_set(SizeSet::Small));
        for (i, style) in sheet.iter().enumerate() {
            assert!(!style.name.contains(','), "{}", style.name);
            assert!(
                style.name.starts_with("heading ") || !style.name.is_ascii(),
                "{} is not Vietnamese",
                style.name
            );
            assert!(
                sheet[..i].iter().all(|s| s.name != style.name),
                "{}",
                style.name
            );
        }
    }

    #[test]
    fn every_next_style_is_in_the_sheet() {
        let sheet = sheet(&Sizes::for_set(SizeSet::Small));
        for next in sheet.iter().filter_map(|s| s.next) {
            assert!(sheet.iter().any(|s| s.id == next), "{next}");
        }
    }

    #[test]
    fn the_default_run_properties_are_vietnamese() {
        let xml = String::from_utf8(styles_xml(&Sizes::for_set(SizeSet::Small))).unwrap();
        assert!(xml.contains(
            r#"<w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN"/></w:rPr></w:rPrDefault>"#
        ));
    }

    #[test]
    fn sizes_follow_the_size_set() {
        let small = String::from_utf8(styles_xml(&Sizes::for_set(SizeSet::Small))).unwrap();
        let large = String::from_utf8(styles_xml(&Sizes::for_set(SizeSet::Large))).unwrap();
        let quoc_hieu = |xml: &str| {
            let at = xml.find(r#"w:styleId="QuocHieu""#).unwrap();
            let from = xml[at..].find("<w:sz ").unwrap() + at;
            xml[from..from + 18].to_string()
        };
        assert_eq!(quoc_hieu(&small), r#"<w:sz w:val="24"/>"#);
        assert_eq!(quoc_hieu(&large), r#"<w:sz w:val="26"/>"#);
    }
}
