//! Table geometry: how wide each column is and which rows must stay on one page.
//!
//! Each cell's paragraphs are measured once, word by word with the fonts' metrics (`wrap`),
//! so that the width search (`widths`) and the row heights count lines as Word and
//! LibreOffice fill them. A column whose width the record gives and that is narrower than a
//! word it holds is reported, since Word would break the word mid-syllable. A row stays
//! whole on its page when it is short; a tall row may break, so a page never ends half
//! empty before it.

use std::ops::Range;

use super::CELL_MARGINS;
use super::measure::Face;
use super::widths::column_widths;
use super::wrap::{self, Word};
use crate::model::{Cell, Row, RowKind, Span, Table};

/// A table with absolute column widths (twips) that fill the text width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TableModel {
    pub widths: Vec<u32>,
    pub rows: Vec<Row>,
    /// For each row, whether it must stay on one page: header rows and short rows.
    pub keep_whole: Vec<bool>,
    /// Appendix tables use the smaller table text (12 pt) to fit their many columns.
    pub compact: bool,
    /// Columns whose given width is narrower than a word they hold.
    pub broken_words: Vec<BrokenWord>,
    /// Columns whose given width leaves another only its longest word.
    pub crowding: Vec<Crowding>,
}

/// A column whose width is given (`rong`) and leaves a column sized by its text only the
/// width of its longest word, where that column runs far taller than the given one: the
/// width the record gives costs the table its height.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Crowding {
    pub column: usize,
    /// The given column's width, in twips, and the lines of its tallest cell.
    pub width: u32,
    pub lines: u32,
    /// The heading of the column left at its longest word, and the lines of its tallest cell.
    pub crowded: String,
    pub crowded_lines: u32,
}

/// How many lines taller than the given column's tallest cell a crowded column's must be for
/// a warning: a line or two is the price of any layout.
const CROWDED_BY: u32 = 3;

/// A column whose width is given (`rong`) and is too narrow for its widest word, which
/// Word and LibreOffice then break mid-syllable ("chuẩ|n").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BrokenWord {
    pub column: usize,
    pub word: String,
    /// The column's width, in twips.
    pub width: u32,
    /// The width that holds the word, in twips.
    pub least: u32,
    /// The relative width (`rong`) that gives the column `least`, the others unchanged.
    pub least_relative: u32,
}

/// A row of at most this many lines stays on one page; a taller one may break.
const SHORT_ROW_LINES: u32 = 4;

impl TableModel {
    /// Lays out `table` across `text_width` twips, its text at `size` points.
    pub(crate) fn fit(table: Table, text_width: u32, size: f32, compact: bool) -> TableModel {
        let measured = measure_cells(&table, size);
        let widths = column_widths(&table, &measured, text_width);
        let broken_words = broken_words(&table, &measured, &widths, text_width);
        let crowding = crowding(&table, &measured, &widths, text_width);
        let keep_whole = table
            .rows
            .iter()
            .enumerate()
            .map(|(r, row)| {
                row.kind == RowKind::Header
                    || row_lines(&measured, r, row, &widths, size) <= SHORT_ROW_LINES
            })
            .collect();
        TableModel {
            widths,
            rows: table.rows,
            keep_whole,
            compact,
            broken_words,
            crowding,
        }
    }

    /// Number of leading header rows (repeated on every page).
    pub(crate) fn header_rows(&self) -> usize {
        self.rows
            .iter()
            .take_while(|r| r.kind == RowKind::Header)
            .count()
    }
}

/// A piece of a line of text with the face it is drawn in.
type Segment<'a> = (&'a str, Face);

/// The lines of a cell, one per paragraph, as pieces in their faces: bold in header, group
/// and total rows and bold cells, italic where the text is (a heading's second line).
fn lines<'a>(row: &'a Row, cell: &'a Cell) -> impl Iterator<Item = Vec<Segment<'a>>> + 'a {
    let bold_row = cell.bold || row.kind != RowKind::Body;
    cell.text
        .split(|span| matches!(span, Span::Break))
        .map(move |line| {
            line.iter()
                .filter_map(|span| match span {
                    Span::Text { text, bold, italic } => {
                        let face = if bold_row || *bold {
                            Face::Bold
                        } else if *italic {
                            Face::Italic
                        } else {
                            Face::Regular
                        };
                        Some((text.as_str(), face))
                    }
                    Span::Break => None,
                })
                .collect()
        })
}

/// The paragraphs of every single-column cell, their words measured once, and per column
/// the widest word.
pub(super) struct Measured {
    /// Every word, row after row, column after column.
    words: Vec<Word>,
    /// Every paragraph, as a range of `words`.
    paragraphs: Vec<Range<usize>>,
    /// Per paragraph, its width on one line: at least this much room, and it takes one.
    one_line: Vec<u32>,
    /// For row r and column c, `cells[r * columns + c]` is the range of its paragraphs in
    /// `paragraphs` (empty where a spanning cell covers the column).
    cells: Vec<Range<usize>>,
    columns: usize,
    /// Per column, the width of its longest word (or of a heading of two words).
    pub(super) longest_word: Vec<u32>,
    /// Per column, its widest single word and that word's width.
    widest_word: Vec<(u32, String)>,
}

impl Measured {
    fn paragraphs(&self, row: usize, column: usize) -> &[Range<usize>] {
        &self.paragraphs[self.cells[row * self.columns + column].clone()]
    }

    /// The lines of a cell in a column `width` twips wide (none where a spanning cell
    /// covers the column).
    pub(super) fn lines(&self, row: usize, column: usize, width: u32) -> u32 {
        let inner = inner(width);
        let cell = self.cells[row * self.columns + column].clone();
        self.paragraphs[cell.clone()]
            .iter()
            .zip(&self.one_line[cell])
            .map(|(p, &one_line)| {
                if one_line <= inner {
                    1
                } else {
                    wrap::paragraph_lines(&self.words[p.clone()], inner)
                }
            })
            .sum()
    }

    /// The fewest lines a cell can take, however wide its column: one per paragraph.
    pub(super) fn fewest_lines(&self, row: usize, column: usize) -> u32 {
        u32::try_from(self.paragraphs(row, column).len()).unwrap_or(u32::MAX)
    }
}

/// The room for text in a column `width` twips wide: less its margins, and the slack that
/// Word's and LibreOffice's rounding of glyph positions needs.
pub(super) fn inner(width: u32) -> u32 {
    width.saturating_sub(WORD_SLACK)
}

/// At most this many rows are weighed when sizing columns; a longer table is sampled evenly.
pub(super) const SAMPLED_ROWS: usize = 400;

pub(super) fn measure_cells(table: &Table, size: f32) -> Measured {
    let columns = table.widths.len();
    let mut words = Vec::with_capacity(table.rows.len() * columns * 8);
    let mut paragraphs = Vec::with_capacity(table.rows.len() * columns);
    let mut one_line = Vec::with_capacity(table.rows.len() * columns);
    let mut cells = Vec::with_capacity(table.rows.len() * columns);
    let mut longest_word = vec![0; columns];
    let mut widest_word = vec![(0, String::new()); columns];
    for row in &table.rows {
        let mut ranges = vec![0..0; columns];
        let mut column = 0;
        for cell in &row.cells {
            let at = column;
            column += cell.span;
            if cell.span != 1 || at >= columns {
                continue;
            }
            let start = paragraphs.len();
            for line in lines(row, cell) {
                let first = words.len();
                let mut width = 0;
                wrap::for_each_word(&line, size, |word, pieces| {
                    longest_word[at] = longest_word[at].max(word.width);
                    if word.width > widest_word[at].0 {
                        widest_word[at] = (word.width, pieces.concat());
                    }
                    width += if words.len() == first { 0 } else { word.gap } + word.width;
                    words.push(word);
                });
                // A heading of two words ("Kết quả", "Ghi chú") is not split over two lines.
                if row.kind == RowKind::Header && words.len() - first <= 2 {
                    longest_word[at] = longest_word[at].max(width);
                }
                paragraphs.push(first..words.len());
                one_line.push(width);
            }
            ranges[at] = start..paragraphs.len();
        }
        cells.extend(ranges);
    }
    Measured {
        words,
        paragraphs,
        one_line,
        cells,
        columns,
        longest_word,
        widest_word,
    }
}

/// Room a word needs beyond its own width: the cell margins and a little slack, since Word and
/// LibreOffice round glyph positions differently.
pub(super) const WORD_SLACK: u32 = CELL_MARGINS + 20;

/// The given columns too narrow for their widest word, with the width that would hold it.
fn broken_words(
    table: &Table,
    measured: &Measured,
    widths: &[u32],
    text_width: u32,
) -> Vec<BrokenWord> {
    let relative_sum: u64 = table.widths.iter().map(|w| u64::from(*w)).sum();
    (0..widths.len())
        .filter(|&c| table.given.get(c).copied().unwrap_or(false))
        .filter_map(|c| {
            let (word_width, word) = &measured.widest_word[c];
            if word_width + CELL_MARGINS <= widths[c] {
                return None;
            }
            let least = word_width + WORD_SLACK;
            // The column gets rong × text / (others + rong): solve for the least rong.
            let others = relative_sum.saturating_sub(u64::from(table.widths[c]));
            let room = u64::from(text_width.saturating_sub(least)).max(1);
            let least_relative = (u64::from(least) * others).div_ceil(room);
            Some(BrokenWord {
                column: c,
                word: word.clone(),
                width: widths[c],
                least,
                least_relative: u32::try_from(least_relative).unwrap_or(u32::MAX),
            })
        })
        .collect()
}

/// The given columns that leave a column sized by its text no more than its longest word
/// (within a step of the width search), while that column's tallest cell runs at least
/// [`CROWDED_BY`] lines taller than theirs, in the rows the search samples. Only the
/// tallest such column is named.
fn crowding(table: &Table, measured: &Measured, widths: &[u32], text_width: u32) -> Vec<Crowding> {
    let given = |c: usize| table.given.get(c).copied().unwrap_or(false);
    if !(0..widths.len()).any(given) {
        return Vec::new();
    }
    // The rows the width search samples: a long table's columns are judged as it judged them.
    let step_rows = table.rows.len().div_ceil(SAMPLED_ROWS).max(1);
    let tallest = |c: usize| {
        (0..table.rows.len())
            .step_by(step_rows)
            .map(|r| measured.lines(r, c, widths[c]))
            .max()
            .unwrap_or(0)
    };
    let step = text_width / 48;
    let crowded = (0..widths.len().min(measured.columns))
        .filter(|&c| !given(c) && widths[c] <= measured.longest_word[c] + WORD_SLACK + step)
        .map(|c| (tallest(c), std::cmp::Reverse(c)))
        .max();
    let Some((crowded_lines, std::cmp::Reverse(crowded_column))) = crowded else {
        return Vec::new();
    };
    (0..widths.len())
        .filter(|&c| given(c))
        .filter_map(|c| {
            let lines = tallest(c);
            (crowded_lines >= lines + CROWDED_BY).then(|| Crowding {
                column: c,
                width: widths[c],
                lines,
                crowded: heading(table, crowded_column),
                crowded_lines,
            })
        })
        .collect()
}

/// The heading of `column`: the text of the header row's cell over it, on one line.
fn heading(table: &Table, column: usize) -> String {
    let Some(header) = table.rows.first().filter(|r| r.kind == RowKind::Header) else {
        return String::new();
    };
    let mut at = 0;
    for cell in &header.cells {
        if (at..at + cell.span).contains(&column) {
            return crate::model::plain(&cell.text).replace('\n', " ");
        }
        at += cell.span;
    }
    String::new()
}

/// The number of lines row `r` takes: its tallest cell, each paragraph of a cell wrapped at
/// the cell's width (single-column cells from their measured words).
fn row_lines(measured: &Measured, r: usize, row: &Row, widths: &[u32], size: f32) -> u32 {
    let mut column = 0;
    let mut tallest = 1;
    let mut words = Vec::new();
    for cell in &row.cells {
        let end = (column + cell.span).min(widths.len());
        let width = widths[column.min(end)..end].iter().sum::<u32>();
        let count: u32 = if cell.span == 1 && column < measured.columns {
            measured.lines(r, column, width)
        } else {
            lines(row, cell)
                .map(|line| {
                    words.clear();
                    wrap::for_each_word(&line, size, |word, _| words.push(word));
                    wrap::paragraph_lines(&words, inner(width))
                })
                .sum()
        };
        column += cell.span;
        tallest = tallest.max(count);
    }
    tallest
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{Align, Cell, Merge, plain_inline};

    fn cell(t: &str) -> Cell {
        Cell {
            align: Align::Left,
            bold: false,
            span: 1,
            merge: Merge::None,
            text: plain_inline(t.to_string()),
        }
    }

    pub(in crate::layout) fn row(kind: RowKind, texts: &[&str]) -> Row {
        Row {
            kind,
            cells: texts.iter().map(|t| cell(t)).collect(),
        }
    }

    #[test]
    fn short_rows_stay_whole_and_tall_rows_may_break() {
        let long_heading = "Tiêu đề rất dài ".repeat(20);
        let long_text = "Rà soát, hệ thống hóa văn bản quy phạm ".repeat(12);
        let table = Table {
            widths: vec![1, 3],
            given: vec![true, true],
            rows: vec![
                row(RowKind::Header, &["1", &long_heading]),
                row(RowKind::Body, &["1", "Kiểm tra CCHC năm 2021"]),
                row(RowKind::Body, &["1", &long_text]),
            ],
        };
        let model = TableModel::fit(table, 4000, 12.0, true);
        assert_eq!(model.keep_whole, [true, true, false]);
    }

    #[test]
    fn a_given_width_narrower_than_a_word_is_reported_with_the_width_that_holds_it() {
        let table = Table {
            widths: vec![4, 20, 3],
            given: vec![true, true, true],
            rows: vec![
                row(RowKind::Header, &["TT", "Nội dung", "Ghi chú"]),
                row(RowKind::Body, &["1", "Rà soát", "Chuẩn hóa"]),
            ],
        };
        let model = TableModel::fit(table.clone(), 5000, 12.0, true);
        let broken: Vec<(usize, &str)> = model
            .broken_words
            .iter()
            .map(|b| (b.column, b.word.as_str()))
            .collect();
        assert_eq!(broken, [(2, "Chuẩn")], "{:?}", model.widths);
        let b = &model.broken_words[0];
        assert!(b.width < b.least);
        // The suggested rong gives the column room for the word.
        let mut wider = table.clone();
        wider.widths[2] = b.least_relative;
        let fixed = TableModel::fit(wider, 5000, 12.0, true);
        assert!(fixed.widths[2] >= b.least, "{:?}", fixed.widths);
        assert!(fixed.broken_words.is_empty());
        // A column sized by its content is never too narrow, so never reported.
        let mut auto = table;
        auto.given = vec![false; 3];
        assert!(
            TableModel::fit(auto, 5000, 12.0, true)
                .broken_words
                .is_empty()
        );
    }
}
