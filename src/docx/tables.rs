//! The three kinds of tables vanban draws: the borderless header block (ô 1–4), body and
//! appendix tables (with group rows spanning columns, merged number cells, repeated header
//! rows), and the borderless signature table with Nơi nhận beside the signer.

use super::paragraphs::{ParaProps, paragraph, rule, spans, styled};
use super::styles::id;
use super::xml::Xml;
use crate::layout::{HeaderBlock, SignatureBlock, TableModel};
use crate::model::{Inline, Merge, Row, RowKind, Span};

/// `w:tblPr` and `w:tblGrid`; `ruled` draws single 1/4 pt lines round and between cells,
/// otherwise every border is explicitly absent, whatever the default table style says.
fn open_table(x: &mut Xml, widths: &[u32], ruled: bool) {
    x.open("w:tbl", &[]);
    x.open("w:tblPr", &[]);
    let total = widths.iter().sum::<u32>().to_string();
    x.empty("w:tblW", &[("w:w", &total), ("w:type", "dxa")]);
    let line: &[(&str, &str)] = if ruled {
        &[
            ("w:val", "single"),
            ("w:sz", "2"),
            ("w:space", "0"),
            ("w:color", "000000"),
        ]
    } else {
        &[("w:val", "nil")]
    };
    x.open("w:tblBorders", &[]);
    for edge in [
        "w:top",
        "w:left",
        "w:bottom",
        "w:right",
        "w:insideH",
        "w:insideV",
    ] {
        x.empty(edge, line);
    }
    x.close("w:tblBorders");
    x.empty("w:tblLayout", &[("w:type", "fixed")]);
    x.close("w:tblPr");
    x.open("w:tblGrid", &[]);
    for w in widths {
        x.empty("w:gridCol", &[("w:w", &w.to_string())]);
    }
    x.close("w:tblGrid");
}

/// `w:tr` with `w:trPr`: rows that must not split across pages, header rows repeated.
fn open_row(x: &mut Xml, cant_split: bool, header: bool) {
    x.open("w:tr", &[]);
    if cant_split || header {
        x.open("w:trPr", &[]);
        if cant_split {
            x.empty("w:cantSplit", &[]);
        }
        if header {
            x.empty("w:tblHeader", &[]);
        }
        x.close("w:trPr");
    }
}

/// `w:tc` with its width, span over grid columns and vertical merge.
fn open_cell(x: &mut Xml, width: u32, span: usize, merge: Merge) {
    x.open("w:tc", &[]);
    x.open("w:tcPr", &[]);
    x.empty("w:tcW", &[("w:w", &width.to_string()), ("w:type", "dxa")]);
    if span > 1 {
        x.val("w:gridSpan", &span.to_string());
    }
    match merge {
        Merge::None => {}
        Merge::Start => x.val("w:vMerge", "restart"),
        Merge::Continue => x.val("w:vMerge", "continue"),
    }
    x.close("w:tcPr");
}

/// Ô 1–4 in two rows so that "Số" and the date share a line whatever the left column holds.
pub(super) fn header(x: &mut Xml, h: &HeaderBlock) {
    open_table(x, &[h.left_width, h.right_width], false);
    open_row(x, false, false);
    open_cell(x, h.left_width, 1, Merge::None);
    for line in &h.parent {
        styled(x, id::PARENT, line);
    }
    for line in &h.issuer {
        styled(x, id::ISSUER, line);
    }
    rule(x, h.issuer_rule);
    x.close("w:tc");
    open_cell(x, h.right_width, 1, Merge::None);
    styled(x, id::QUOC_HIEU, h.quoc_hieu);
    styled(x, id::TIEU_NGU, h.tieu_ngu);
    rule(x, h.tieu_ngu_rule);
    x.close("w:tc");
    x.close("w:tr");
    open_row(x, false, false);
    open_cell(x, h.left_width, 1, Merge::None);
    styled(x, id::SO, &h.so);
    if let Some(vv) = &h.vv {
        styled(x, id::VV, vv);
    }
    x.close("w:tc");
    open_cell(x, h.right_width, 1, Merge::None);
    styled(x, id::DATE, &h.date);
    x.close("w:tc");
    x.close("w:tr");
    x.close("w:tbl");
}

/// Ô 9b beside ô 7, both top-aligned so "Nơi nhận:" sits level with the first signer line.
pub(super) fn signature(x: &mut Xml, s: &SignatureBlock) {
    open_table(x, &[s.left_width, s.right_width], false);
    open_row(x, true, false);
    open_cell(x, s.left_width, 1, Merge::None);
    styled(x, id::NOI_NHAN_LABEL, "Nơi nhận:");
    for line in &s.noi_nhan {
        styled(x, id::NOI_NHAN, line);
    }
    x.close("w:tc");
    open_cell(x, s.right_width, 1, Merge::None);
    for line in &s.authority {
        styled(x, id::SIGNER_TITLE, line);
    }
    styled(x, id::SIGNER_NAME, &s.name);
    x.close("w:tc");
    x.close("w:tr");
    x.close("w:tbl");
}

/// Splits inline text at breaks: each line becomes its own paragraph in a cell.
fn lines(inline: &Inline) -> impl Iterator<Item = &[Span]> {
    inline.split(|span| matches!(span, Span::Break))
}

fn body_row(x: &mut Xml, row: &Row, widths: &[u32], style: &str, header: bool, whole: bool) {
    let bold_row = matches!(row.kind, RowKind::Header | RowKind::Group | RowKind::Total);
    open_row(x, whole, header);
    let mut column = 0;
    for c in &row.cells {
        let end = (column + c.span).min(widths.len());
        let width: u32 = widths[column.min(end)..end].iter().sum();
        column += c.span;
        open_cell(x, width, c.span, c.merge);
        let props = ParaProps {
            align: Some(c.align),
            ..ParaProps::style(style)
        };
        for line in lines(&c.text) {
            paragraph(x, &props, |x| spans(x, line, c.bold || bold_row));
        }
        x.close("w:tc");
    }
    x.close("w:tr");
}

/// A ruled table whose leading header rows repeat on every page.
pub(super) fn body(x: &mut Xml, t: &TableModel) {
    let style = if t.compact {
        id::TABLE_TEXT_SMALL
    } else {
        id::TABLE_TEXT
    };
    open_table(x, &t.widths, true);
    let header_rows = t.header_rows();
    for (i, row) in t.rows.iter().enumerate() {
        body_row(x, row, &t.widths, style, i < header_rows, t.keep_whole[i]);
    }
    x.close("w:tbl");
}
