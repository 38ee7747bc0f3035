//! Body numbering and table geometry: the ND30 hierarchy for Kế hoạch and Báo cáo
//! (nd30.md §4.8-B): "I." upper-case bold → "1." bold (or upright when the khoản has no
//! title) → "a)" → "-" → "+". Numbers are computed here and nowhere else, so no document can
//! number a row twice.

use super::table::TableModel;
use crate::model::{Block, Inline, Span};
use crate::record::Numbering;
use crate::text;

/// What a body paragraph is; each kind has its own named style in Word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParaKind {
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
pub(crate) struct Paragraph {
    pub kind: ParaKind,
    /// Computed number or point mark with its trailing space ("II. ", "3. ", "b) ", "- ").
    pub prefix: String,
    pub text: Inline,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum BodyItem {
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

/// The section numbers in force: one counter per level.
#[derive(Default)]
struct Counters([u32; 3]);

impl Counters {
    /// Counts a heading of `level` (1–3) and resets the levels below it.
    fn next(&mut self, level: u8) -> [u32; 3] {
        let i = usize::from(level.clamp(1, 3) - 1);
        self.0[i] += 1;
        for lower in &mut self.0[i + 1..] {
            *lower = 0;
        }
        self.0
    }
}

/// The number of a heading of `level` in a numbering style, with its trailing space.
fn number(style: Numbering, level: u8, counts: [u32; 3]) -> String {
    let [one, two, three] = counts;
    match (style, level) {
        (Numbering::Roman, 1) => format!("{}. ", text::roman(one)),
        (Numbering::Roman, 2) | (Numbering::Arabic | Numbering::Decimal, 1) => {
            format!("{}. ", counts[usize::from(level) - 1])
        }
        (Numbering::Roman, _) | (Numbering::Arabic, 2) => {
            format!(
                "{}) ",
                text::point_letter(counts[usize::from(level) - 1] as usize)
            )
        }
        (Numbering::Arabic, _) => "- ".to_string(),
        (Numbering::Decimal, 2) => format!("{one}.{two}. "),
        (Numbering::Decimal, _) => format!("{one}.{two}.{three}. "),
    }
}

/// Numbers headings and points in `style` and sizes tables to `text_width` twips. A heading
/// without text lends its number to the paragraph that follows it ("1. Giao Văn phòng …").
pub(crate) fn number_body(
    blocks: &[Block],
    text_width: u32,
    table_size: f32,
    style: Numbering,
) -> Vec<BodyItem> {
    let mut counters = Counters::default();
    let mut pending: Option<String> = None;
    let mut items = Vec::with_capacity(blocks.len());
    let para =
        |kind, prefix: String, text: Inline| BodyItem::Paragraph(Paragraph { kind, prefix, text });
    for block in blocks {
        if !matches!(block, Block::Paragraph(_)) {
            if let Some(prefix) = pending.take() {
                // A heading without text and without a paragraph to lead: its number alone.
                items.push(para(ParaKind::Khoan, prefix, Inline::new()));
            }
        }
        let item = match block {
            Block::Heading { level, text } => {
                let prefix = number(style, *level, counters.next(*level));
                if text.is_empty() {
                    pending = Some(prefix);
                    continue;
                }
                let (kind, text) = match level {
                    1 if style == Numbering::Roman => (ParaKind::Heading1, upper_inline(text)),
                    1 => (ParaKind::Heading1, text.clone()),
                    2 => (ParaKind::Heading2, text.clone()),
                    _ => (ParaKind::Heading3, text.clone()),
                };
                para(kind, prefix, text)
            }
            Block::Khoan(text) => para(
                ParaKind::Khoan,
                number(style, 2, counters.next(2)),
                text.clone(),
            ),
            Block::Paragraph(text) => match pending.take() {
                Some(prefix) => para(ParaKind::Khoan, prefix, text.clone()),
                None => para(ParaKind::Body, String::new(), text.clone()),
            },
            Block::Dash(text) => para(ParaKind::Dash, "- ".into(), text.clone()),
            Block::Plus(text) => para(ParaKind::Plus, "+ ".into(), text.clone()),
            Block::Note(text) => para(ParaKind::Note, String::new(), text.clone()),
            Block::Table(table) => BodyItem::Table(TableModel::fit(
                table.clone(),
                text_width,
                table_size,
                false,
            )),
        };
        items.push(item);
    }
    if let Some(prefix) = pending {
        items.push(para(ParaKind::Khoan, prefix, Inline::new()));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::parse;

    fn prefixes(markup: &str) -> Vec<String> {
        prefixes_in(Numbering::Roman, markup)
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
        let items = number_body(
            &parse("@h1 Mục đích, yêu cầu").unwrap(),
            9000,
            13.0,
            Numbering::Roman,
        );
        let BodyItem::Paragraph(p) = &items[0] else {
            panic!()
        };
        assert_eq!(crate::model::plain(&p.text), "MỤC ĐÍCH, YÊU CẦU");
    }

    fn prefixes_in(style: Numbering, markup: &str) -> Vec<String> {
        number_body(&parse(markup).unwrap(), 9000, 13.0, style)
            .into_iter()
            .filter_map(|b| match b {
                BodyItem::Paragraph(p) => Some(p.prefix),
                BodyItem::Table(_) => None,
            })
            .collect()
    }

    #[test]
    fn each_numbering_style_numbers_three_levels() {
        let markup = "@h1 a\n@h2 b\n@h3 c\n@h3 d\n@h2 e\n@h1 f\n@k g\n";
        assert_eq!(
            prefixes_in(Numbering::Arabic, markup),
            ["1. ", "a) ", "- ", "- ", "b) ", "2. ", "a) "]
        );
        assert_eq!(
            prefixes_in(Numbering::Decimal, markup),
            [
                "1. ", "1.1. ", "1.1.1. ", "1.1.2. ", "1.2. ", "2. ", "2.1. "
            ]
        );
    }

    #[test]
    fn only_roman_sections_are_upper_case() {
        let items = number_body(
            &parse("@h1 Kết quả").unwrap(),
            9000,
            13.0,
            Numbering::Arabic,
        );
        let BodyItem::Paragraph(p) = &items[0] else {
            panic!()
        };
        assert_eq!(
            (p.prefix.as_str(), crate::model::plain(&p.text).as_str()),
            ("1. ", "Kết quả")
        );
    }

    #[test]
    fn a_heading_without_text_lends_its_number_to_the_next_paragraph() {
        let items = number_body(
            &parse("@h1 A\n@h1 \n@p Giao Văn phòng\n@h1 \n@- x\n").unwrap(),
            9000,
            13.0,
            Numbering::Roman,
        );
        let got: Vec<(String, ParaKind)> = items
            .iter()
            .map(|b| match b {
                BodyItem::Paragraph(p) => (
                    format!("{}{}", p.prefix, crate::model::plain(&p.text)),
                    p.kind,
                ),
                BodyItem::Table(_) => panic!(),
            })
            .collect();
        assert_eq!(
            got,
            [
                ("I. A".to_string(), ParaKind::Heading1),
                ("II. Giao Văn phòng".to_string(), ParaKind::Khoan),
                ("III. ".to_string(), ParaKind::Khoan),
                ("- x".to_string(), ParaKind::Dash),
            ]
        );
    }

    #[test]
    fn generated_headings_sit_one_level_below_their_section() {
        assert_eq!(
            prefixes("@h1 a\n@sub b\n@sub c\n@h2 d\n@sub e\n"),
            ["I. ", "1. ", "2. ", "3. ", "a) "]
        );
    }
}
