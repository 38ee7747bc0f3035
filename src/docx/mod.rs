//! The only module that knows OOXML: draws a [`Document`] with docx-rs and returns the bytes
//! of a valid, deterministic .docx.
//!
//! docx-rs builds the parts; [`schema`] puts their elements into ECMA-376 order and adds what
//! docx-rs cannot express (repeated header rows); [`package`] writes the zip with fixed
//! timestamps, our own document properties and a theme. Each gap of docx-rs is fixed once,
//! here, and tested.

mod package;
mod schema;
mod styles;
mod tables;

pub use package::Properties;

use docx_rs::{
    BorderType, BreakType, Docx, FieldCharType, Header, InstrPAGE, InstrText, PageMargin,
    PageNumType, PageOrientationType, PageSize, Paragraph as WPara, ParagraphBorder,
    ParagraphBorderPosition, ParagraphBorders, Run, SectionProperty,
};

use crate::blocks::{Inline, Span};
use crate::layout::{
    AppendixPart, BodyItem, Document, MainPart, PageSetup, ParaKind, Paragraph, Part, Rule, Section,
};
use styles::id;

/// Relationship ids of the two header parts every section shares: the page number, and the
/// empty first-page header that hides it on page 1 (nd30.md §2).
const PAGE_HEADER: &str = "rIdHeader1";
const FIRST_PAGE_HEADER: &str = "rIdHeader2";

/// Draws the document and returns the .docx bytes. An error here is a defect of vanban, not of
/// the record; it is reported rather than panicking.
pub fn write(document: &Document, properties: &Properties) -> Result<Vec<u8>, String> {
    let mut docx = Docx::new().styles(styles::styles(&document.sizes));
    let mut header_rows = Vec::new();
    let last = document.sections.len().saturating_sub(1);
    for (i, section) in document.sections.iter().enumerate() {
        docx = match &section.part {
            Part::Main(main) => draw_main(docx, main, &mut header_rows),
            Part::Appendix(appendix) => draw_appendix(docx, appendix, &mut header_rows),
        };
        if i < last {
            // A section ends with a paragraph that carries its properties.
            docx = docx.add_paragraph(
                WPara::new()
                    .style(id::RULE)
                    .section_property(section_properties(section)),
            );
        }
    }
    let final_section = document
        .sections
        .last()
        .ok_or("a document needs at least one section")?;
    let s = final_section.setup;
    docx = docx.page_size(s.width, s.height).page_margin(margins(s));
    if s.is_landscape() {
        docx = docx.page_orient(PageOrientationType::Landscape);
    }
    if final_section.restart_numbering && last > 0 {
        docx = docx.page_num_type(PageNumType::new().start(1));
    }
    docx = docx
        .header(page_number_header())
        .first_header(Header::new().add_paragraph(styled(id::PAGE_NUMBER, "")));
    package::pack(&docx.build(), &header_rows, properties)
}

fn i32_of(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

fn margins(s: PageSetup) -> PageMargin {
    PageMargin::new()
        .top(i32_of(s.top))
        .bottom(i32_of(s.bottom))
        .left(i32_of(s.left))
        .right(i32_of(s.right))
        .header(i32_of(s.header))
        .footer(i32_of(s.header))
        .gutter(0)
}

/// Properties of a section that is not the last one. Its header references point at the
/// document-level header parts, which docx-rs writes once.
fn section_properties(section: &Section) -> SectionProperty {
    let s = section.setup;
    let mut size = PageSize::new().size(s.width, s.height);
    if s.is_landscape() {
        size = size.orient(PageOrientationType::Landscape);
    }
    let mut p = SectionProperty::new()
        .page_size(size)
        .page_margin(margins(s))
        .header(Header::new(), PAGE_HEADER)
        .first_header(Header::new(), FIRST_PAGE_HEADER)
        .title_pg();
    if section.restart_numbering {
        p = p.page_num_type(PageNumType::new().start(1));
    }
    p
}

fn styled(style: &str, text: &str) -> WPara {
    let p = WPara::new().style(style);
    if text.is_empty() {
        p
    } else {
        p.add_run(Run::new().add_text(text))
    }
}

/// Adds the spans as runs; `all_bold` makes every run bold (header, group and total rows).
fn runs_with(mut p: WPara, inline: &Inline, all_bold: bool) -> WPara {
    for span in inline {
        p = p.add_run(match span {
            Span::Text { text, bold, italic } => {
                let mut r = Run::new().add_text(text.as_str());
                if *bold || all_bold {
                    r = r.bold();
                }
                if *italic {
                    r = r.italic();
                }
                r
            }
            Span::Break => Run::new().add_break(BreakType::TextWrapping),
        });
    }
    p
}

fn rule(r: Rule) -> WPara {
    let mut p = WPara::new().style(id::RULE).indent(
        Some(i32_of(r.indent)),
        None,
        Some(i32_of(r.indent)),
        None,
    );
    // Only the bottom edge: docx-rs's default border set would box the paragraph.
    p.property = p
        .property
        .set_borders(ParagraphBorders::with_empty())
        .set_border(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6)
                .space(0)
                .color("000000"),
        );
    p
}

fn page_number_header() -> Header {
    let p = WPara::new()
        .style(id::PAGE_NUMBER)
        .add_run(Run::new().add_field_char(FieldCharType::Begin, false))
        .add_run(Run::new().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
        .add_run(Run::new().add_text("2"))
        .add_run(Run::new().add_field_char(FieldCharType::End, false));
    Header::new().add_paragraph(p)
}

fn body_paragraph(p: &Paragraph) -> WPara {
    let style = match p.kind {
        ParaKind::Body | ParaKind::Khoan => id::BODY,
        ParaKind::Heading1 => id::HEADING1,
        ParaKind::Heading2 => id::HEADING2,
        ParaKind::Heading3 => id::HEADING3,
        ParaKind::Dash | ParaKind::Plus => id::POINT,
        ParaKind::Note => id::NOTE,
    };
    let mut w = WPara::new().style(style);
    if !p.prefix.is_empty() {
        w = w.add_run(Run::new().add_text(p.prefix.as_str()));
    }
    runs_with(w, &p.text, false)
}

/// Body items; the last paragraph is kept with what follows (the signature).
fn draw_body(mut docx: Docx, body: &[BodyItem], header_rows: &mut Vec<usize>) -> Docx {
    let last = body.len().saturating_sub(1);
    for (i, item) in body.iter().enumerate() {
        match item {
            BodyItem::Paragraph(p) => {
                docx = docx.add_paragraph(body_paragraph(p).keep_next(i == last));
            }
            BodyItem::Table(t) => {
                header_rows.push(t.header_rows());
                docx = docx
                    .add_table(tables::body(t))
                    .add_paragraph(styled(id::RULE, ""));
            }
        }
    }
    docx
}

fn draw_main(mut docx: Docx, page: &MainPart, header_rows: &mut Vec<usize>) -> Docx {
    docx = docx.add_table(tables::header(&page.header));
    header_rows.push(0);
    if let Some(title) = &page.title {
        docx = docx
            .add_paragraph(styled(id::KIND, &title.kind))
            .add_paragraph(styled(id::TRICH_YEU, &title.trich_yeu))
            .add_paragraph(rule(title.rule));
    }
    if let Some(kg) = &page.kinh_gui {
        for (i, line) in kg.lines.iter().enumerate() {
            let hanging = if i == 0 { 0 } else { kg.hanging };
            let mut p = styled(id::KINH_GUI, line).indent(
                Some(i32_of(kg.indent + hanging)),
                None,
                None,
                None,
            );
            if i == 0 {
                p = p.line_spacing(styles::spacing(240, 0));
            }
            docx = docx.add_paragraph(p);
        }
    }
    for line in &page.can_cu {
        docx = docx.add_paragraph(styled(id::CAN_CU, line));
    }
    docx = draw_body(docx, &page.body, header_rows);
    docx = docx
        .add_paragraph(styled(id::BODY, "").keep_next(true))
        .add_table(tables::signature(&page.signature));
    header_rows.push(0);
    docx
}

fn draw_appendix(docx: Docx, appendix: &AppendixPart, header_rows: &mut Vec<usize>) -> Docx {
    let docx = docx
        .add_paragraph(styled(id::APPENDIX_LABEL, &appendix.label))
        .add_paragraph(styled(id::APPENDIX_TITLE, &appendix.title))
        .add_paragraph(styled(id::APPENDIX_ATTACHED, &appendix.attached))
        .add_paragraph(rule(appendix.rule))
        .add_paragraph(styled(id::RULE, ""));
    draw_body(docx, &appendix.body, header_rows)
}
