//! The named styles a clerk finds in Word's style list: every paragraph of a vanban document
//! carries one of these, so changing "Body" or "heading 1" in Word restyles the document.
//! Direct formatting is left for inline bold and italic only.

use docx_rs::{
    AlignmentType, LineSpacing, LineSpacingType, RunFonts, SpecialIndentType, Style, StyleType,
    Styles,
};

use crate::layout::Sizes;

pub const FONT: &str = "Times New Roman";

/// Style ids used by the writer.
pub mod id {
    pub const NORMAL: &str = "Normal";
    pub const BODY: &str = "Body";
    pub const HEADING1: &str = "Heading1";
    pub const HEADING2: &str = "Heading2";
    pub const HEADING3: &str = "Heading3";
    pub const POINT: &str = "Point";
    pub const NOTE: &str = "Note";
    pub const PARENT: &str = "AgencyParent";
    pub const ISSUER: &str = "AgencyIssuer";
    pub const QUOC_HIEU: &str = "QuocHieu";
    pub const TIEU_NGU: &str = "TieuNgu";
    pub const SO: &str = "DocNumber";
    pub const DATE: &str = "PlaceDate";
    pub const KIND: &str = "DocKind";
    pub const TRICH_YEU: &str = "TrichYeu";
    pub const VV: &str = "TrichYeuCongVan";
    pub const RULE: &str = "Rule";
    pub const KINH_GUI: &str = "KinhGui";
    pub const CAN_CU: &str = "CanCu";
    pub const NOI_NHAN_LABEL: &str = "RecipientsLabel";
    pub const NOI_NHAN: &str = "Recipients";
    pub const SIGNER_TITLE: &str = "SignerTitle";
    pub const SIGNER_NAME: &str = "SignerName";
    pub const TABLE_TEXT: &str = "TableText";
    pub const TABLE_TEXT_SMALL: &str = "TableTextSmall";
    pub const APPENDIX_LABEL: &str = "AppendixLabel";
    pub const APPENDIX_TITLE: &str = "AppendixTitle";
    pub const APPENDIX_ATTACHED: &str = "AppendixAttached";
    pub const PAGE_NUMBER: &str = "PageNumber";
}

/// All four font slots, so Vietnamese never falls back to another font.
pub fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

fn half_points(pt: f32) -> usize {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let hp = (pt * 2.0).round() as usize;
    hp
}

/// Single spacing with given space before and after (twips).
pub fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new()
        .before(before)
        .after(after)
        .line(240)
        .line_rule(LineSpacingType::Auto)
}

fn paragraph(id: &str, name: &str, size: f32) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on(id::NORMAL)
        .size(half_points(size))
        .q_format(true)
}

fn centred(id: &str, name: &str, size: f32) -> Style {
    paragraph(id, name, size)
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 0))
}

/// Body text: justified, first-line indent 1.27 cm, 6 pt before, 1.15 lines (nd30.md §4.7).
fn body_like(id: &str, name: &str, size: f32) -> Style {
    paragraph(id, name, size)
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(720)), None, None)
        .line_spacing(
            LineSpacing::new()
                .before(120)
                .after(0)
                .line(276)
                .line_rule(LineSpacingType::Auto),
        )
}

/// The style sheet for one document.
pub fn styles(sizes: &Sizes) -> Styles {
    // docx-rs always writes a bare "Normal"; fonts and size come from the document defaults.
    let list = [
        body_like(id::BODY, "Body", sizes.body).next(id::BODY),
        body_like(id::HEADING1, "heading 1", sizes.body)
            .bold()
            .outline_lvl(0)
            .next(id::BODY),
        body_like(id::HEADING2, "heading 2", sizes.body)
            .bold()
            .outline_lvl(1)
            .next(id::BODY),
        body_like(id::HEADING3, "heading 3", sizes.body)
            .bold()
            .outline_lvl(2)
            .next(id::BODY),
        body_like(id::POINT, "Point", sizes.body).next(id::POINT),
        centred(id::NOTE, "Note", sizes.body)
            .italic()
            .line_spacing(spacing(120, 0)),
        centred(id::PARENT, "Agency Parent", sizes.co_quan),
        centred(id::ISSUER, "Agency Issuer", sizes.co_quan).bold(),
        centred(id::QUOC_HIEU, "Quoc Hieu", sizes.quoc_hieu).bold(),
        centred(id::TIEU_NGU, "Tieu Ngu", sizes.tieu_ngu).bold(),
        centred(id::SO, "Doc Number", sizes.so).line_spacing(spacing(120, 0)),
        centred(id::DATE, "Place Date", sizes.dia_danh)
            .italic()
            .line_spacing(spacing(120, 0)),
        centred(id::KIND, "Doc Kind", sizes.title)
            .bold()
            .line_spacing(spacing(360, 0)),
        centred(id::TRICH_YEU, "Trich Yeu", sizes.title).bold(),
        // Ô 5b: upright, regular, 6 pt below the Số line (nd30.md §4.5).
        centred(id::VV, "Trich Yeu Cong Van", sizes.so).line_spacing(spacing(120, 0)),
        // An empty 1 pt paragraph whose bottom border is the rule, drawn just under the text above.
        centred(id::RULE, "Rule", 1.0).line_spacing(spacing(60, 0)),
        paragraph(id::KINH_GUI, "Kinh Gui", sizes.body).line_spacing(spacing(0, 0)),
        body_like(id::CAN_CU, "Can Cu", sizes.body).italic(),
        paragraph(id::NOI_NHAN_LABEL, "Recipients Label", sizes.noi_nhan_label)
            .bold()
            .italic()
            .line_spacing(spacing(0, 0)),
        paragraph(id::NOI_NHAN, "Recipients", sizes.noi_nhan).line_spacing(spacing(0, 0)),
        centred(id::SIGNER_TITLE, "Signer Title", sizes.signature).bold(),
        centred(id::SIGNER_NAME, "Signer Name", sizes.signature)
            .bold()
            .line_spacing(spacing(1700, 0)),
        paragraph(id::TABLE_TEXT, "Table Text", sizes.table).line_spacing(
            LineSpacing::new()
                .before(40)
                .after(40)
                .line(240)
                .line_rule(LineSpacingType::Auto),
        ),
        paragraph(
            id::TABLE_TEXT_SMALL,
            "Table Text Small",
            sizes.appendix_table,
        )
        .line_spacing(
            LineSpacing::new()
                .before(40)
                .after(40)
                .line(240)
                .line_rule(LineSpacingType::Auto),
        ),
        centred(id::APPENDIX_LABEL, "Appendix Label", sizes.appendix_label).bold(),
        centred(id::APPENDIX_TITLE, "Appendix Title", sizes.title).bold(),
        centred(id::APPENDIX_ATTACHED, "Appendix Attached", sizes.title).italic(),
        centred(id::PAGE_NUMBER, "Page Number", sizes.page_number),
    ];
    let mut styles = Styles::new()
        .default_fonts(fonts())
        .default_size(half_points(sizes.body));
    for style in list {
        styles = styles.add_style(style);
    }
    styles
}
