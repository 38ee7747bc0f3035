//! The only module that knows OOXML: draws a [`Page`] with docx-rs and returns the bytes of a
//! valid, deterministic .docx.
//!
//! docx-rs builds the parts; [`schema`] puts their elements into ECMA-376 order and adds what
//! docx-rs cannot express (repeated header rows); [`package`] writes the zip with fixed
//! timestamps, our own document properties and a theme. Each gap of docx-rs is fixed once,
//! here, and tested.

mod package;
mod schema;
mod styles;

pub use package::Properties;

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, FieldCharType, Header, InstrPAGE, InstrText,
    PageMargin, Paragraph as WPara, ParagraphBorder, ParagraphBorderPosition, ParagraphBorders,
    Run, Table, TableBorders, TableCell, TableLayoutType, TableRow, WidthType,
};

use crate::blocks::{Align, Inline, Row, RowKind, Span};
use crate::layout::{BodyItem, Page, ParaKind, Paragraph, Rule, TableModel};
use styles::id;

/// Draws the page and returns the .docx bytes. An error here is a defect of vanban, not of the
/// record; it is reported rather than panicking.
pub fn write(page: &Page, properties: &Properties) -> Result<Vec<u8>, String> {
    let mut docx = Docx::new().styles(styles::styles(&page.sizes));
    let mut header_rows = Vec::new();

    docx = docx.add_table(header_table(page));
    header_rows.push(0);
    docx = docx.add_paragraph(styled(id::KIND, &page.title.kind));
    docx = docx.add_paragraph(styled(id::TRICH_YEU, &page.title.trich_yeu));
    docx = docx.add_paragraph(rule(page.title.rule));
    if let Some(kg) = &page.kinh_gui {
        for (i, line) in kg.lines.iter().enumerate() {
            let hanging = if i == 0 { 0 } else { kg.hanging };
            let mut p = styled(id::KINH_GUI, line);
            p = p.indent(Some(i32_of(kg.indent + hanging)), None, None, None);
            if i == 0 {
                p = p.line_spacing(styles::spacing(240, 0));
            }
            docx = docx.add_paragraph(p);
        }
    }
    for line in &page.can_cu {
        docx = docx.add_paragraph(styled(id::CAN_CU, line));
    }
    let last = page.body.len().saturating_sub(1);
    for (i, item) in page.body.iter().enumerate() {
        match item {
            // The closing paragraph stays on the page of the signature.
            BodyItem::Paragraph(p) => {
                docx = docx.add_paragraph(body_paragraph(p).keep_next(i == last));
            }
            BodyItem::Table(t) => {
                header_rows.push(t.header_rows());
                docx = docx
                    .add_table(body_table(t))
                    .add_paragraph(styled(id::RULE, ""));
            }
        }
    }
    docx = docx.add_paragraph(styled(id::BODY, "").keep_next(true));
    docx = docx.add_table(signature_table(page));
    header_rows.push(0);

    let s = page.setup;
    docx = docx
        .page_size(s.width, s.height)
        .page_margin(
            PageMargin::new()
                .top(i32_of(s.top))
                .bottom(i32_of(s.bottom))
                .left(i32_of(s.left))
                .right(i32_of(s.right))
                .header(i32_of(s.header))
                .footer(i32_of(s.header))
                .gutter(0),
        )
        .header(page_number_header())
        .first_header(Header::new().add_paragraph(styled(id::PAGE_NUMBER, "")));

    package::pack(&docx.build(), &header_rows, properties)
}

fn i32_of(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

fn styled(style: &str, text: &str) -> WPara {
    let p = WPara::new().style(style);
    if text.is_empty() {
        p
    } else {
        p.add_run(Run::new().add_text(text))
    }
}

fn runs(p: WPara, inline: &Inline) -> WPara {
    runs_with(p, inline, false)
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

fn cell(width: u32) -> TableCell {
    TableCell::new().width(width as usize, WidthType::Dxa)
}

fn borderless(rows: Vec<TableRow>, widths: &[u32]) -> Table {
    Table::new(rows)
        .set_grid(widths.iter().map(|w| *w as usize).collect())
        .layout(TableLayoutType::Fixed)
        .set_borders(TableBorders::with_empty())
        .width(widths.iter().sum::<u32>() as usize, WidthType::Dxa)
}

fn header_table(page: &Page) -> Table {
    let h = &page.header;
    let mut left = cell(h.left_width);
    if let Some(parent) = &h.parent {
        left = left.add_paragraph(styled(id::PARENT, parent));
    }
    for line in &h.issuer {
        left = left.add_paragraph(styled(id::ISSUER, line));
    }
    left = left.add_paragraph(rule(h.issuer_rule));
    let right = cell(h.right_width)
        .add_paragraph(styled(id::QUOC_HIEU, h.quoc_hieu))
        .add_paragraph(styled(id::TIEU_NGU, h.tieu_ngu))
        .add_paragraph(rule(h.tieu_ngu_rule));
    let so = cell(h.left_width).add_paragraph(styled(id::SO, &h.so));
    let date = cell(h.right_width).add_paragraph(styled(id::DATE, &h.date));
    borderless(
        vec![
            TableRow::new(vec![left, right]),
            TableRow::new(vec![so, date]),
        ],
        &[h.left_width, h.right_width],
    )
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
    runs(w, &p.text)
}

fn alignment(a: Align) -> AlignmentType {
    match a {
        Align::Left => AlignmentType::Left,
        Align::Center => AlignmentType::Center,
        Align::Right => AlignmentType::Right,
        Align::Justify => AlignmentType::Both,
    }
}

/// Splits inline text at breaks: each line becomes its own paragraph in a cell.
fn lines(inline: &Inline) -> Vec<Inline> {
    let mut out = vec![Vec::new()];
    for span in inline {
        match span {
            Span::Break => out.push(Vec::new()),
            text => out
                .last_mut()
                .unwrap_or_else(|| unreachable!("starts non-empty"))
                .push(text.clone()),
        }
    }
    out
}

fn body_row(row: &Row, widths: &[u32]) -> TableRow {
    let bold_row = matches!(row.kind, RowKind::Header | RowKind::Group | RowKind::Total);
    let mut column = 0;
    let cells = row
        .cells
        .iter()
        .map(|c| {
            let width: u32 = widths[column..(column + c.span).min(widths.len())]
                .iter()
                .sum();
            column += c.span;
            let mut tc = cell(width);
            if c.span > 1 {
                tc = tc.grid_span(c.span);
            }
            for line in lines(&c.text) {
                let p = WPara::new().style(id::TABLE_TEXT).align(alignment(c.align));
                tc = tc.add_paragraph(runs_with(p, &line, c.bold || bold_row));
            }
            tc
        })
        .collect();
    TableRow::new(cells).cant_split()
}

fn body_table(t: &TableModel) -> Table {
    let rows = t.rows.iter().map(|r| body_row(r, &t.widths)).collect();
    Table::new(rows)
        .set_grid(t.widths.iter().map(|w| *w as usize).collect())
        .layout(TableLayoutType::Fixed)
        .set_borders(TableBorders::new())
        .width(t.widths.iter().sum::<u32>() as usize, WidthType::Dxa)
}

fn signature_table(page: &Page) -> Table {
    let s = &page.signature;
    let mut left = cell(s.left_width).add_paragraph(styled(id::NOI_NHAN_LABEL, "Nơi nhận:"));
    for line in &s.noi_nhan {
        left = left.add_paragraph(styled(id::NOI_NHAN, line));
    }
    let mut right = cell(s.right_width);
    for line in &s.authority {
        right = right.add_paragraph(styled(id::SIGNER_TITLE, line));
    }
    right = right.add_paragraph(styled(id::SIGNER_NAME, &s.name));
    borderless(
        vec![TableRow::new(vec![left, right]).cant_split()],
        &[s.left_width, s.right_width],
    )
}
