//! Body numbering and table geometry: the ND30 hierarchy for Kế hoạch and Báo cáo
//! (nd30.md §4.8-B): "I." upper-case bold → "1." bold (or upright when the khoản has no
//! title) → "a)" → "-" → "+". Numbers are computed here and nowhere else, so no document can
//! number a row twice.

use crate::model::{Block, Inline, Row, RowKind, Span, Table};
use crate::text;

/// What a body paragraph is; each kind has its own named style in Word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaKind {
    Body,
    Heading1,
    Heading2,
    Heading3,
    Khoan,
    Dash,
    Plus,
    Note,
}

/// A numbered, styled paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub kind: ParaKind,
    /// Computed number or point mark with its trailing space ("II. ", "3. ", "b) ", "- ").
    pub prefix: String,
    pub text: Inline,
}

/// A table with absolute column widths (twips) that fill the text width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableModel {
    pub widths: Vec<u32>,
    pub rows: Vec<Row>,
    /// Appendix tables use the smaller table text (12 pt) to fit their many columns.
    pub compact: bool,
}

impl TableModel {
    /// A table whose relative widths are scaled to fill `text_width` twips.
    pub fn fit(table: Table, text_width: u32, compact: bool) -> TableModel {
        TableModel {
            widths: scale(&table.widths, text_width),
            rows: table.rows,
            compact,
        }
    }

    /// Number of leading header rows (repeated on every page).
    pub fn header_rows(&self) -> usize {
        self.rows
            .iter()
            .take_while(|r| r.kind == RowKind::Header)
            .count()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyItem {
    Paragraph(Paragraph),
    Table(TableModel),
}

fn upper_inline(inline: &Inline) -> Inline {
    inline
        .iter()
        .map(|s| match s {
            Span::Text {
                text: t,
                bold,
                italic,
            } => Span::Text {
                text: text::upper(t),
                bold: *bold,
                italic: *italic,
            },
            Span::Break => Span::Break,
        })
        .collect()
}

/// Numbers headings and points and sizes tables to `text_width` twips.
pub fn number_body(blocks: &[Block], text_width: u32) -> Vec<BodyItem> {
    let (mut sections, mut khoan, mut diem) = (0u32, 0u32, 0usize);
    let para =
        |kind, prefix: String, text: Inline| BodyItem::Paragraph(Paragraph { kind, prefix, text });
    blocks
        .iter()
        .map(|block| match block {
            Block::Heading { level: 1, text } => {
                sections += 1;
                (khoan, diem) = (0, 0);
                para(
                    ParaKind::Heading1,
                    format!("{}. ", text::roman(sections)),
                    upper_inline(text),
                )
            }
            Block::Heading { level: 2, text } => {
                khoan += 1;
                diem = 0;
                para(ParaKind::Heading2, format!("{khoan}. "), text.clone())
            }
            Block::Khoan(text) => {
                khoan += 1;
                diem = 0;
                para(ParaKind::Khoan, format!("{khoan}. "), text.clone())
            }
            Block::Heading { text, .. } => {
                diem += 1;
                para(
                    ParaKind::Heading3,
                    format!("{}) ", text::point_letter(diem)),
                    text.clone(),
                )
            }
            Block::Paragraph(text) => para(ParaKind::Body, String::new(), text.clone()),
            Block::Dash(text) => para(ParaKind::Dash, "- ".into(), text.clone()),
            Block::Plus(text) => para(ParaKind::Plus, "+ ".into(), text.clone()),
            Block::Note(text) => para(ParaKind::Note, String::new(), text.clone()),
            Block::Table(table) => {
                BodyItem::Table(TableModel::fit(table.clone(), text_width, false))
            }
        })
        .collect()
}

/// Scales relative widths to absolute twips summing exactly to `total`.
fn scale(relative: &[u32], total: u32) -> Vec<u32> {
    let sum: u64 = relative.iter().map(|w| u64::from(*w)).sum::<u64>().max(1);
    let mut widths: Vec<u32> = relative
        .iter()
        .map(|w| u32::try_from(u64::from(*w) * u64::from(total) / sum).unwrap_or(u32::MAX))
        .collect();
    let used: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += total.saturating_sub(used);
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::parse;

    fn prefixes(markup: &str) -> Vec<String> {
        number_body(&parse(markup).unwrap(), 9000)
            .into_iter()
            .filter_map(|b| match b {
                BodyItem::Paragraph(p) => Some(p.prefix),
                BodyItem::Table(_) => None,
            })
            .collect()
    }

    #[test]
    fn nd30_hierarchy_restarts_at_each_level() {
        let markup = "@h1 a\n@h2 b\n@h3 c\n@h3 d\n@- e\n@+ f\n@h2 g\n@h3 h\n@h1 i\n@k j\n@k k\n";
        assert_eq!(
            prefixes(markup),
            [
                "I. ", "1. ", "a) ", "b) ", "- ", "+ ", "2. ", "a) ", "II. ", "1. ", "2. "
            ]
        );
    }

    #[test]
    fn section_titles_are_upper_case() {
        let items = number_body(&parse("@h1 Mục đích, yêu cầu").unwrap(), 9000);
        let BodyItem::Paragraph(p) = &items[0] else {
            panic!()
        };
        assert_eq!(crate::model::plain(&p.text), "MỤC ĐÍCH, YÊU CẦU");
    }

    #[test]
    fn table_widths_fill_the_text_width() {
        assert_eq!(scale(&[7, 53, 13, 14, 13], 9354).iter().sum::<u32>(), 9354);
        assert_eq!(scale(&[1, 1], 11), vec![5, 6]);
    }
}
