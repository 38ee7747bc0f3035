//! Table geometry: how wide each column is and which rows must stay on one page.
//!
//! A column whose width the record (or template) gives keeps its share of the text width. The
//! others are sized from what they hold, measured with the font's metrics: each gets at least
//! its longest word, so no word breaks mid-syllable, and the rest of the width goes where the
//! text is, so a short "Thời gian" column does not grow ten lines tall beside an empty one as
//! wide. A row stays whole on its page when it is short; a tall row may break, so a page
//! never ends half empty before it.

use super::CELL_MARGINS;
use super::measure::{self, Face};
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
}

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

/// The width of a line in twips, unwrapped.
fn line_width(line: &[Segment<'_>], size: f32) -> u32 {
    line.iter()
        .map(|(text, face)| measure::width_twips(text, size, *face))
        .sum()
}

/// The paragraphs of every single-column cell, measured once: the width of each line of
/// text (unwrapped), in twips, and per column the widest word.
struct Measured {
    /// Every line width, row after row, column after column.
    lines: Vec<u32>,
    /// For row r and column c, `cells[r * columns + c]` is the range of its lines in `lines`
    /// (empty where a spanning cell covers the column).
    cells: Vec<std::ops::Range<usize>>,
    columns: usize,
    /// Per column, the width of its longest word (or of a heading of two words).
    longest_word: Vec<u32>,
    /// Per column, its widest single word and that word's width.
    widest_word: Vec<(u32, String)>,
}

impl Measured {
    fn cell(&self, row: usize, column: usize) -> &[u32] {
        &self.lines[self.cells[row * self.columns + column].clone()]
    }
}

/// At most this many rows are weighed when sizing columns; a longer table is sampled evenly.
const SAMPLED_ROWS: usize = 400;

fn measure_cells(table: &Table, size: f32) -> Measured {
    let columns = table.widths.len();
    let mut measured = Measured {
        lines: Vec::with_capacity(table.rows.len() * columns),
        cells: Vec::with_capacity(table.rows.len() * columns),
        columns,
        longest_word: vec![0; columns],
        widest_word: vec![(0, String::new()); columns],
    };
    let space = |face| measure::width_twips(" ", size, face);
    for row in &table.rows {
        let mut ranges = vec![0..0; columns];
        let mut column = 0;
        for cell in &row.cells {
            let at = column;
            column += cell.span;
            if cell.span != 1 || at >= columns {
                continue;
            }
            let start = measured.lines.len();
            for line in lines(row, cell) {
                // A line is its words and the spaces between them: one measurement of each
                // word gives both the widest word and the line's width.
                let (mut width, mut words) = (0, 0);
                for (text, face) in &line {
                    let mut first = true;
                    for word in text.split(' ') {
                        if !first {
                            width += space(*face);
                        }
                        first = false;
                        if word.is_empty() {
                            continue;
                        }
                        let w = measure::width_twips(word, size, *face);
                        measured.longest_word[at] = measured.longest_word[at].max(w);
                        if w > measured.widest_word[at].0 {
                            measured.widest_word[at] = (w, word.to_string());
                        }
                        width += w;
                        words += 1;
                    }
                }
                // A heading of two words ("Kết quả", "Ghi chú") is not split over two lines.
                if row.kind == RowKind::Header && words <= 2 {
                    measured.longest_word[at] = measured.longest_word[at].max(width);
                }
                measured.lines.push(width);
            }
            ranges[at] = start..measured.lines.len();
        }
        measured.cells.extend(ranges);
    }
    measured
}

/// Lines of a cell whose paragraphs are `lines` wide, in a column `width` twips wide; as a
/// fraction, so that every step of width shows in the sum (whole lines would hide it until a
/// line is saved).
fn cell_lines(lines: &[u32], width: u32) -> f64 {
    let inner = f64::from(width.saturating_sub(CELL_MARGINS).max(1));
    lines
        .iter()
        .map(|w| (f64::from(*w) / inner).max(1.0))
        .sum::<f64>()
        .max(1.0)
}

/// The height of a sample of rows in lines, kept up to date as columns widen: each row's
/// cells at the current widths, and the tallest cell of each row other than any one column,
/// so that trying a wider column re-measures that column alone. The sums are the ones
/// measuring every cell again would give, to the bit, so the widths are the same too.
struct Heights<'a> {
    measured: &'a Measured,
    rows: &'a [usize],
    /// Lines of each sampled row's cells: `cells[k * columns + c]`.
    cells: Vec<f64>,
    /// Per sampled row: the tallest cell (at least one line), its column, and the
    /// second tallest.
    tallest: Vec<(f64, usize, f64)>,
}

impl<'a> Heights<'a> {
    fn new(measured: &'a Measured, rows: &'a [usize], widths: &[u32]) -> Heights<'a> {
        let columns = measured.columns;
        let mut cells = Vec::with_capacity(rows.len() * columns);
        for &r in rows {
            cells.extend((0..columns).map(|c| cell_lines(measured.cell(r, c), widths[c])));
        }
        let mut heights = Heights {
            measured,
            rows,
            cells,
            tallest: Vec::new(),
        };
        heights.rank();
        heights
    }

    fn rank(&mut self) {
        let columns = self.measured.columns;
        self.tallest = self
            .cells
            .chunks(columns.max(1))
            .map(|row| {
                let (mut first, mut at, mut second) = (1.0, usize::MAX, 1.0);
                for (c, &lines) in row.iter().enumerate() {
                    if lines > first {
                        (second, first, at) = (first, lines, c);
                    } else if lines > second {
                        second = lines;
                    }
                }
                (first, at, second)
            })
            .collect();
    }

    /// The height in lines at the current widths.
    fn total(&self) -> f64 {
        self.tallest.iter().map(|(first, _, _)| first).sum()
    }

    /// The height in lines were `column` `width` twips wide.
    fn with(&self, column: usize, width: u32) -> f64 {
        self.rows
            .iter()
            .zip(&self.tallest)
            .map(|(&r, &(first, at, second))| {
                let others = if at == column { second } else { first };
                others.max(cell_lines(self.measured.cell(r, column), width))
            })
            .sum()
    }

    /// Makes `column` `width` twips wide.
    fn widen(&mut self, column: usize, width: u32) {
        let columns = self.measured.columns;
        for (k, &r) in self.rows.iter().enumerate() {
            self.cells[k * columns + column] = cell_lines(self.measured.cell(r, column), width);
        }
        self.rank();
    }
}

/// Absolute column widths summing exactly to `text_width`. Columns sized by content start at
/// their longest word; the width left is handed out a step at a time to the column where it
/// shortens the table most, and what no column needs goes where the text is.
fn column_widths(table: &Table, measured: &Measured, text_width: u32) -> Vec<u32> {
    let mut widths = scale(&table.widths, text_width);
    if table.given.iter().all(|g| *g) || table.given.len() != table.widths.len() {
        return widths;
    }
    let auto: Vec<usize> = (0..widths.len()).filter(|&i| !table.given[i]).collect();
    let free: u32 = auto.iter().map(|&i| widths[i]).sum();
    let step_rows = table.rows.len().div_ceil(SAMPLED_ROWS).max(1);
    let sample: Vec<usize> = (0..table.rows.len()).step_by(step_rows).collect();
    let least: Vec<u32> = auto
        .iter()
        .map(|&i| measured.longest_word[i] + WORD_SLACK)
        .collect();
    let needed: u32 = least.iter().sum();
    if needed >= free {
        // Not even every longest word fits: the columns' shares as given.
        return widths;
    }
    for (k, &i) in auto.iter().enumerate() {
        widths[i] = least[k];
    }
    let mut left = free - needed;
    let step = (left / 48).max(20);
    let mut heights = Heights::new(measured, &sample, &widths);
    while left >= step {
        let now = heights.total();
        let best = auto
            .iter()
            .map(|&i| (now - heights.with(i, widths[i] + step), i))
            .reduce(|a, b| if b.0 > a.0 { b } else { a });
        match best {
            Some((gain, i)) if gain > 0.01 => {
                widths[i] += step;
                heights.widen(i, widths[i]);
                left -= step;
            }
            _ => break,
        }
    }
    // Width no column needs to shorten the table goes where the text is; rounding goes to
    // the last column.
    let text = |i: usize| -> u64 {
        sample
            .iter()
            .flat_map(|&r| measured.cell(r, i))
            .map(|w| u64::from(*w))
            .sum::<u64>()
            .max(1)
    };
    let total: u64 = auto.iter().map(|&i| text(i)).sum();
    let spare = u64::from(left);
    for &i in &auto {
        widths[i] += u32::try_from(spare * text(i) / total).unwrap_or(0);
    }
    let used: u32 = widths.iter().sum();
    if let Some(&last) = auto.last() {
        widths[last] = (widths[last] + text_width).saturating_sub(used);
    }
    widths
}

/// Room a word needs beyond its own width: the cell margins and a little slack, since Word and
/// LibreOffice round glyph positions differently.
const WORD_SLACK: u32 = CELL_MARGINS + 20;

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

/// The number of lines row `r` takes: its tallest cell, each paragraph of a cell wrapped at
/// the cell's width (single-column cells from their measured lines).
fn row_lines(measured: &Measured, r: usize, row: &Row, widths: &[u32], size: f32) -> u32 {
    let mut column = 0;
    let mut tallest = 1;
    for cell in &row.cells {
        let end = (column + cell.span).min(widths.len());
        let inner = widths[column.min(end)..end]
            .iter()
            .sum::<u32>()
            .saturating_sub(CELL_MARGINS)
            .max(1);
        let count: u32 = if cell.span == 1 && column < measured.columns {
            measured
                .cell(r, column)
                .iter()
                .map(|w| w.div_ceil(inner).max(1))
                .sum()
        } else {
            lines(row, cell)
                .map(|line| line_width(&line, size).div_ceil(inner).max(1))
                .sum()
        };
        column += cell.span;
        tallest = tallest.max(count);
    }
    tallest
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
    use crate::model::{Align, Cell, Merge, plain_inline};

    fn cell(t: &str) -> Cell {
        Cell {
            align: Align::Left,
            bold: false,
            span: 1,
            merge: Merge::None,
            text: plain_inline(t),
        }
    }

    fn row(kind: RowKind, texts: &[&str]) -> Row {
        Row {
            kind,
            cells: texts.iter().map(|t| cell(t)).collect(),
        }
    }

    #[test]
    fn widths_fill_the_text_width() {
        assert_eq!(scale(&[7, 53, 13, 14, 13], 9354).iter().sum::<u32>(), 9354);
        assert_eq!(scale(&[1, 1], 11), vec![5, 6]);
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
    fn columns_sized_by_content_give_text_the_room_and_never_break_a_word() {
        let long = "Tham mưu UBND tỉnh ban hành kế hoạch kiểm tra công tác cải cách hành chính";
        let table = Table {
            // As given, the deadline column would be as wide as the text column.
            widths: vec![1, 10, 10],
            given: vec![false, false, false],
            rows: vec![
                row(RowKind::Header, &["TT", "Nhiệm vụ", "Thời hạn"]),
                row(RowKind::Body, &["1", long, "Quý III"]),
                row(RowKind::Body, &["2", long, "Thường xuyên"]),
            ],
        };
        let widths = column_widths(&table, &measure_cells(&table, 12.0), 9000);
        assert_eq!(widths.iter().sum::<u32>(), 9000);
        assert!(widths[1] > 2 * widths[2], "{widths:?}");
        for (i, word) in [(0, "TT"), (2, "Thường")] {
            let least = measure::width_twips(word, 12.0, Face::Bold) + CELL_MARGINS;
            assert!(widths[i] >= least, "{word}: {widths:?}");
        }
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

    #[test]
    fn given_widths_are_kept() {
        let table = Table {
            widths: vec![1, 3],
            given: vec![true, true],
            rows: vec![row(RowKind::Body, &["a", "b"])],
        };
        assert_eq!(
            column_widths(&table, &measure_cells(&table, 12.0), 4000),
            vec![1000, 3000]
        );
    }
}
