//! The three kinds of tables vanban draws: the borderless header block (ô 1–4), body and
//! appendix tables (with group rows spanning columns, merged number cells, repeated header
//! rows), and the borderless signature table with Nơi nhận beside the signer.

use docx_rs::{
    AlignmentType, Paragraph as WPara, Table, TableBorders, TableCell, TableLayoutType, TableRow,
    VMergeType, WidthType,
};

use super::{rule, runs_with, styled};
use crate::blocks::{Align, Inline, Merge, Row, RowKind, Span};
use crate::layout::{HeaderBlock, SignatureBlock, TableModel};

use super::styles::id;

fn cell(width: u32) -> TableCell {
    TableCell::new().width(width as usize, WidthType::Dxa)
}

fn grid(widths: &[u32]) -> Vec<usize> {
    widths.iter().map(|w| *w as usize).collect()
}

fn borderless(rows: Vec<TableRow>, widths: &[u32]) -> Table {
    Table::new(rows)
        .set_grid(grid(widths))
        .layout(TableLayoutType::Fixed)
        .set_borders(TableBorders::with_empty())
        .width(widths.iter().sum::<u32>() as usize, WidthType::Dxa)
}

/// Ô 1–4 in two rows so that "Số" and the date share a line whatever the left column holds.
pub fn header(h: &HeaderBlock) -> Table {
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
    let mut so = cell(h.left_width).add_paragraph(styled(id::SO, &h.so));
    if let Some(vv) = &h.vv {
        so = so.add_paragraph(styled(id::VV, vv));
    }
    let date = cell(h.right_width).add_paragraph(styled(id::DATE, &h.date));
    borderless(
        vec![
            TableRow::new(vec![left, right]),
            TableRow::new(vec![so, date]),
        ],
        &[h.left_width, h.right_width],
    )
}

/// Ô 9b beside ô 7, both top-aligned so "Nơi nhận:" sits level with the first signer line.
pub fn signature(s: &SignatureBlock) -> Table {
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
    let mut out: Vec<Inline> = vec![Vec::new()];
    for span in inline {
        match span {
            Span::Break => out.push(Vec::new()),
            text => {
                if let Some(line) = out.last_mut() {
                    line.push(text.clone());
                }
            }
        }
    }
    out
}

fn body_row(row: &Row, widths: &[u32], style: &str) -> TableRow {
    let bold_row = matches!(row.kind, RowKind::Header | RowKind::Group | RowKind::Total);
    let mut column = 0;
    let cells = row
        .cells
        .iter()
        .map(|c| {
            let end = (column + c.span).min(widths.len());
            let width: u32 = widths[column.min(end)..end].iter().sum();
            column += c.span;
            let mut tc = cell(width);
            if c.span > 1 {
                tc = tc.grid_span(c.span);
            }
            tc = match c.merge {
                Merge::None => tc,
                Merge::Start => tc.vertical_merge(VMergeType::Restart),
                Merge::Continue => tc.vertical_merge(VMergeType::Continue),
            };
            for line in lines(&c.text) {
                let p = WPara::new().style(style).align(alignment(c.align));
                tc = tc.add_paragraph(runs_with(p, &line, c.bold || bold_row));
            }
            tc
        })
        .collect();
    TableRow::new(cells).cant_split()
}

/// A ruled table; its leading header rows are marked for repetition by the package step.
pub fn body(t: &TableModel) -> Table {
    let style = if t.compact {
        id::TABLE_TEXT_SMALL
    } else {
        id::TABLE_TEXT
    };
    let rows = t
        .rows
        .iter()
        .map(|r| body_row(r, &t.widths, style))
        .collect();
    Table::new(rows)
        .set_grid(grid(&t.widths))
        .layout(TableLayoutType::Fixed)
        .set_borders(TableBorders::new())
        .width(t.widths.iter().sum::<u32>() as usize, WidthType::Dxa)
}
