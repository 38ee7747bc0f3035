//! Column widths from the text: the search that shares a table's width among the columns the
//! record does not size. A column whose width is given keeps its share of the text width.
//! The others are sized from what they hold, their lines counted word by word as Word fills
//! them: each gets at least its longest word, so no word breaks mid-syllable; none grows
//! past the width where none of its cells wraps while another still does, so an empty Ghi
//! chú column keeps its heading's width and a short "Thời gian" column what its longest entry
//! needs; the text-heavy columns share the rest where it saves most lines (the table's
//! height first, then each cell's, then the tallest cells' evenness; see `column_widths`).
//! Searching for height alone, with lines estimated as a paragraph's width over the
//! column's, once left a ten-word progress entry eight lines tall beside an empty column as
//! wide: narrow columns lose room at every line end, which that estimate did not see.

use super::table::{Measured, SAMPLED_ROWS, WORD_SLACK};
use crate::model::Table;

/// One content-sized column's cells in the sampled rows, in lines, at each width it may
/// take: `least + k × step` on rung k, from its longest word up to the first width at which
/// none of its cells wraps (what its content can use), or the width there is to give.
struct Ladder {
    rows: usize,
    /// Rung after rung, the lines of the cell in each sampled row.
    lines: Vec<u32>,
    /// Per rung, the lines of all the column's cells.
    total: Vec<u32>,
    /// Per rung, the lines of the column's tallest cell.
    tallest: Vec<u32>,
    /// Per rung, the sum of the squares of its cells' lines: the less, the more even.
    squares: Vec<u64>,
    /// The column's cells with every paragraph on one line: the least `total` can be.
    fewest: u32,
}

impl Ladder {
    /// A cell's lines never grow with its column's width, so the search evaluates a row
    /// only where its lines may change: it finds the rung from which the cell takes its
    /// fewest lines, then splits the rungs below it, filling every span whose two ends take
    /// the same lines without counting them (exactly what counting every rung gives).
    fn new(
        measured: &Measured,
        sample: &[usize],
        column: usize,
        (least, step): (u32, u32),
        rungs: u32,
    ) -> Ladder {
        let lines_at = |row: usize, rung: u32| measured.lines(row, column, least + rung * step);
        // Per sampled row: its fewest lines, and the first rung where it takes them (or the
        // last rung, where it never does).
        let floors: Vec<(u32, u32)> = sample
            .iter()
            .map(|&r| {
                let fewest = measured.fewest_lines(r, column);
                (fewest, first_rung_at(|k| lines_at(r, k) <= fewest, rungs))
            })
            .collect();
        let fewest = floors.iter().map(|(f, _)| f).sum();
        // The column grows until every cell takes its fewest lines, or width runs out.
        let top = floors.iter().map(|&(_, k)| k).max().unwrap_or(0);
        let rows = sample.len();
        let mut lines = vec![0; (top as usize + 1) * rows];
        for (row, (&r, &(floor, from))) in sample.iter().zip(&floors).enumerate() {
            let mut set = |rung: u32, value: u32| lines[rung as usize * rows + row] = value;
            // Past its first rung at the floor, the cell stays there.
            for rung in from + 1..=top {
                set(rung, floor);
            }
            let at_from = lines_at(r, from);
            if from == 0 {
                set(0, at_from);
            } else {
                fill_between(
                    &|k| lines_at(r, k),
                    (0, lines_at(r, 0)),
                    (from, at_from),
                    &mut set,
                );
            }
        }
        let mut ladder = Ladder {
            rows,
            total: Vec::with_capacity(top as usize + 1),
            tallest: Vec::with_capacity(top as usize + 1),
            squares: Vec::with_capacity(top as usize + 1),
            lines,
            fewest,
        };
        for at in 0..=top as usize {
            let rung = &ladder.lines[at * rows..(at + 1) * rows];
            ladder.total.push(rung.iter().sum());
            ladder.tallest.push(rung.iter().copied().max().unwrap_or(0));
            ladder
                .squares
                .push(rung.iter().map(|&l| u64::from(l) * u64::from(l)).sum());
        }
        ladder
    }

    /// The highest rung: where none of the column's cells wraps, or the most width there is.
    fn top(&self) -> u32 {
        u32::try_from(self.total.len() - 1).unwrap_or(u32::MAX)
    }

    fn at(&self, rung: u32, row: usize) -> u32 {
        self.lines[rung as usize * self.rows + row]
    }

    /// Whether some cell of the column still wraps on `rung`.
    fn wraps(&self, rung: u32) -> bool {
        self.total[rung as usize] > self.fewest
    }
}

/// The first rung in `0..=last` where `reached` holds, or `last`: `reached` holds from some
/// rung on (a cell's lines only fall as its column widens), found by halving.
fn first_rung_at(reached: impl Fn(u32) -> bool, last: u32) -> u32 {
    let (mut low, mut high) = (0, last);
    while low < high {
        let middle = low + (high - low) / 2;
        if reached(middle) {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    low
}

/// Sets the value of every rung from `low` to `high` (whose values are given) of a function
/// that never grows: a span whose ends are equal is equal throughout; another is halved.
fn fill_between(
    value: &impl Fn(u32) -> u32,
    (low, at_low): (u32, u32),
    (high, at_high): (u32, u32),
    set: &mut impl FnMut(u32, u32),
) {
    if at_low == at_high {
        for rung in low..=high {
            set(rung, at_low);
        }
        return;
    }
    set(low, at_low);
    set(high, at_high);
    if high - low > 1 {
        let middle = low + (high - low) / 2;
        let at_middle = value(middle);
        fill_between(value, (low, at_low), (middle, at_middle), set);
        fill_between(value, (middle, at_middle), (high, at_high), set);
    }
}

/// A line the table saves counts this many times a line a cell saves (see `column_widths`):
/// more than a table's cells can save at once, so the table's height comes first.
const HEIGHT_WEIGHT: u32 = 1000;

/// Absolute column widths summing exactly to `text_width`.
///
/// Columns sized by content start at their longest word (a heading of two words whole). The
/// width left is handed out in steps (1/48 of it), each to the column where it pays most per
/// twip: what it pays is the lines it saves, first those the table as a whole gets shorter
/// by (the paper), then those any of the column's cells gets shorter by (the tie where a
/// cell wraps beside one as tall, which the table's height alone cannot see).
/// A column is weighed up to the width where its next line is saved, so a column whose
/// cells need a few steps to lose a line is not passed over for one that saves a little
/// fraction at once. On equal pay the column with the taller cell goes first.
///
/// A column never grows past the width at which none of its cells wraps: an empty column
/// keeps what its heading needs, a column of short entries what its longest entry needs,
/// and the text-heavy columns share the rest. Width that saves no line (less than the next
/// line would take) goes to the column whose tallest cell is tallest; only when no column
/// wraps at all is width spread in proportion to the widths.
pub(super) fn column_widths(table: &Table, measured: &Measured, text_width: u32) -> Vec<u32> {
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
    let step = ((free - needed) / 48).max(20);
    let mut steps_left = (free - needed) / step;
    let ladders: Vec<Ladder> = auto
        .iter()
        .zip(&least)
        .map(|(&i, &least)| Ladder::new(measured, &sample, i, (least, step), steps_left))
        .collect();
    // Per sampled row, the tallest cell of the columns whose width is given.
    let given: Vec<u32> = sample
        .iter()
        .map(|&r| {
            (0..widths.len())
                .filter(|&c| table.given[c])
                .map(|c| measured.lines(r, c, widths[c]))
                .fold(1, u32::max)
        })
        .collect();
    let mut rung = vec![0_u32; auto.len()];
    while let Some((a, steps)) = best_step(&ladders, &rung, &given, steps_left) {
        rung[a] += steps;
        steps_left -= steps;
    }
    rebalance(&ladders, &mut rung, &given);
    for (a, &i) in auto.iter().enumerate() {
        widths[i] = least[a] + rung[a] * step;
    }
    let rest = free - auto.iter().map(|&i| widths[i]).sum::<u32>();
    let wrapping = (0..auto.len())
        .filter(|&a| ladders[a].wraps(rung[a]))
        .max_by_key(|&a| {
            let rung = rung[a] as usize;
            // The first of equals: max_by_key keeps the last, so the index counts down.
            (
                ladders[a].tallest[rung],
                ladders[a].total[rung],
                usize::MAX - a,
            )
        });
    if let Some(a) = wrapping {
        widths[auto[a]] += rest;
        return widths;
    }
    // No column wraps: the rest in proportion, rounding to the last column.
    let sized: u64 = auto
        .iter()
        .map(|&i| u64::from(widths[i]))
        .sum::<u64>()
        .max(1);
    let shares: Vec<u32> = auto
        .iter()
        .map(|&i| u32::try_from(u64::from(rest) * u64::from(widths[i]) / sized).unwrap_or(0))
        .collect();
    for (&i, share) in auto.iter().zip(shares) {
        widths[i] += share;
    }
    let used: u32 = widths.iter().sum();
    if let Some(&last) = auto.last() {
        widths[last] = (widths[last] + text_width).saturating_sub(used);
    }
    widths
}

/// The table's height in lines over the sampled rows, and how uneven its cells are (the sum
/// of the squares of their lines).
fn cost(ladders: &[Ladder], rung: &[u32], given: &[u32]) -> (u32, u64) {
    let height = given
        .iter()
        .enumerate()
        .map(|(row, &g)| {
            ladders
                .iter()
                .zip(rung)
                .map(|(ladder, &k)| ladder.at(k, row))
                .fold(g, u32::max)
        })
        .sum();
    let squares = ladders
        .iter()
        .zip(rung)
        .map(|(ladder, &k)| ladder.squares[k as usize])
        .sum();
    (height, squares)
}

/// At most this many moves of width between columns after it is handed out.
const REBALANCE_MOVES: u32 = 16;

/// A move takes at most this many steps of width from one column to another.
const REBALANCE_STEPS: u32 = 8;

/// Moves width from one column to another, up to `REBALANCE_STEPS` at a time, while that
/// makes the table shorter, or as tall with its cells more even: the greedy hand-out cannot
/// take back a step that a later one made worth less, nor see that a column needs a few
/// steps at once to save its next line ("Trung tâm Công nghệ thông tin" in five lines
/// beside a solution of two).
fn rebalance(ladders: &[Ladder], rung: &mut [u32], given: &[u32]) {
    let mut now = cost(ladders, rung, given);
    // Per row, the tallest cell outside the two columns of a move, so that each step of the
    // move costs a pass over the rows, not over every column of every row ([`cost`] exactly).
    let mut others = vec![0_u32; given.len()];
    // Every move makes the cost strictly less, so this ends; the bound keeps it cheap.
    for _ in 0..REBALANCE_MOVES {
        let mut best: Option<((u32, u64), usize, usize, u32)> = None;
        for from in 0..rung.len() {
            for to in 0..rung.len() {
                if to == from {
                    continue;
                }
                let most = rung[from]
                    .min(ladders[to].top() - rung[to])
                    .min(REBALANCE_STEPS);
                if most == 0 {
                    continue;
                }
                let unmoved = || {
                    (0..ladders.len())
                        .filter(|&a| a != from && a != to)
                        .map(|a| (&ladders[a], rung[a]))
                };
                for (row, other) in others.iter_mut().enumerate() {
                    *other = unmoved()
                        .map(|(l, k)| l.at(k, row))
                        .fold(given[row], u32::max);
                }
                let squares: u64 = unmoved().map(|(l, k)| l.squares[k as usize]).sum();
                let (shrunk, grown) = (&ladders[from], &ladders[to]);
                for steps in 1..=most {
                    let (f, t) = (rung[from] - steps, rung[to] + steps);
                    let height = others
                        .iter()
                        .enumerate()
                        .map(|(row, &o)| o.max(shrunk.at(f, row)).max(grown.at(t, row)))
                        .sum();
                    let after = (
                        height,
                        squares + shrunk.squares[f as usize] + grown.squares[t as usize],
                    );
                    if after < best.map_or(now, |(c, ..)| c) {
                        best = Some((after, from, to, steps));
                    }
                }
            }
        }
        let Some((after, from, to, steps)) = best else {
            return;
        };
        rung[from] -= steps;
        rung[to] += steps;
        now = after;
    }
}

/// The column to widen next and by how many steps (see `column_widths`), or none when no
/// column saves a line with the steps left.
fn best_step(
    ladders: &[Ladder],
    rung: &[u32],
    given: &[u32],
    steps_left: u32,
) -> Option<(usize, u32)> {
    // Per row, its height, the column holding its tallest cell (the first of equals; none
    // when a given column is as tall) and the tallest of the other cells.
    let mut tallest: Vec<(u32, Option<usize>, u32)> = given.iter().map(|&g| (g, None, 0)).collect();
    for (a, ladder) in ladders.iter().enumerate() {
        for (row, (top, holder, second)) in tallest.iter_mut().enumerate() {
            let lines = ladder.at(rung[a], row);
            if lines > *top {
                (*second, *top, *holder) = (*top, lines, Some(a));
            } else if lines > *second {
                *second = lines;
            }
        }
    }
    let mut best: Option<(u32, u32, usize)> = None;
    for (a, ladder) in ladders.iter().enumerate() {
        let from = rung[a];
        let reach = (ladder.top() - from).min(steps_left);
        let pay = (1..=reach).find_map(|steps| {
            let to = from + steps;
            let table: u32 = tallest
                .iter()
                .enumerate()
                .filter(|(_, (_, holder, _))| *holder == Some(a))
                .map(|(row, (top, _, second))| top - ladder.at(to, row).max(*second))
                .sum();
            let cells = ladder.total[from as usize] - ladder.total[to as usize];
            let pay = HEIGHT_WEIGHT * table + cells;
            (pay > 0).then_some((pay, steps))
        });
        let Some((pay, steps)) = pay else { continue };
        let better = match best {
            None => true,
            Some((best_pay, best_steps, b)) => {
                let (this, that) = (
                    u64::from(pay) * u64::from(best_steps),
                    u64::from(best_pay) * u64::from(steps),
                );
                this > that
                    || (this == that
                        && ladder.tallest[from as usize] > ladders[b].tallest[rung[b] as usize])
            }
        };
        if better {
            best = Some((pay, steps, a));
        }
    }
    best.map(|(_, steps, a)| (a, steps))
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
    use crate::layout::CELL_MARGINS;
    use crate::layout::measure::{self, Face};
    use crate::layout::table::inner;
    use crate::layout::table::measure_cells;
    use crate::layout::table::tests::row;
    use crate::layout::wrap;
    use crate::model::RowKind;

    #[test]
    fn widths_fill_the_text_width() {
        assert_eq!(scale(&[7, 53, 13, 14, 13], 9354).iter().sum::<u32>(), 9354);
        assert_eq!(scale(&[1, 1], 11), vec![5, 6]);
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

    /// Lines of `text` in a column `width` twips wide, at 12 pt.
    fn lines_at(text: &str, width: u32) -> u32 {
        let mut words = Vec::new();
        wrap::for_each_word(&[(text, Face::Regular)], 12.0, |w, _| words.push(w));
        wrap::paragraph_lines(&words, inner(width))
    }

    /// Seed 000's progress appendix: long criteria and solutions, deadlines and progress of
    /// a few words, and an empty Ghi chú column, on a portrait page.
    fn progress_appendix() -> Table {
        let rows = [
            [
                "Mức độ hoàn thành kế hoạch CCHC",
                "Đã lồng ghép chỉ đạo, yêu cầu các phòng, đơn vị bám sát các nhiệm vụ được giao tại kế hoạch CCHC, để đảm bảo hoàn thành 100%.",
                "Từ tháng 1 đến tháng 12",
                "Đang thực hiện",
            ],
            [
                "Xây dựng và tổ chức thực hiện văn bản QPPL",
                "Giao các phòng, ban, đơn vị chuyên môn tham mưu, trình HĐND, UBND tỉnh ban hành.",
                "Trong năm 2021",
                "Đã tham mưu UBND tỉnh ban hành 02 VB QPPL",
            ],
            [
                "Cải cách tổ chức bộ máy. Thực hiện chức năng nhiệm vụ của đơn vị trong năm theo khung, kế hoạch trọng tâm năm hoặc chương trình công tác.",
                "Đảm bảo hoàn thành các nhiệm vụ được giao theo KH khung trọng tâm của tỉnh.",
                "Theo KH khung được UBND tỉnh giao 2021",
                "Đã hoàn thành 06/10 nhiệm vụ trọng tâm 2021",
            ],
            [
                "Thực hiện các nhiệm vụ do UBND, Chủ tịch UBND tỉnh giao. Năm 2020: có 244/249 văn bản được giao đúng thời hạn (06 văn bản chậm).",
                "Giao các phòng, ban đơn vị nghiêm túc thực hiện, hoàn thành các nhiệm vụ được UBND, Chủ tịch UBND giao trong năm 2021 đúng hạn.",
                "Căn cứ thời hạn các nhiệm vụ được giao",
                "Thực hiện các nhiệm vụ được giao đúng hạn",
            ],
        ];
        let mut table = Table {
            // The preset's shares: as given, Ghi chú would be as wide as Tiến độ.
            widths: vec![7, 25, 30, 13, 13, 12],
            given: vec![false; 6],
            rows: vec![row(
                RowKind::Header,
                &[
                    "TT",
                    "Các tiêu chí bị trừ",
                    "Giải pháp khắc phục",
                    "Thời hạn hoàn thành",
                    "Tiến độ thực hiện",
                    "Ghi chú",
                ],
            )],
        };
        for (n, [name, solution, deadline, progress]) in rows.iter().enumerate() {
            let number = (n + 1).to_string();
            table.rows.push(row(
                RowKind::Body,
                &[&number, name, solution, deadline, progress, ""],
            ));
        }
        table
    }

    #[test]
    fn an_empty_column_gets_its_headings_needs_and_never_more_than_a_wrapping_one() {
        let table = progress_appendix();
        let widths = column_widths(&table, &measure_cells(&table, 12.0), 9354);
        assert_eq!(widths.iter().sum::<u32>(), 9354);
        let heading = measure::width_twips("Ghi chú", 12.0, Face::Bold) + WORD_SLACK;
        assert_eq!(
            widths[5], heading,
            "Ghi chú holds only its heading: {widths:?}"
        );
        for wrapping in 1..5 {
            assert!(
                widths[wrapping] > widths[5],
                "column {wrapping} wraps and is narrower than the empty one: {widths:?}"
            );
        }
    }

    #[test]
    fn a_short_progress_entry_is_not_a_column_of_single_words() {
        let table = progress_appendix();
        let widths = column_widths(&table, &measure_cells(&table, 12.0), 9354);
        // At its longest word, where the search of height alone left it beside a Ghi chú
        // column wider than that, the entry ran 8 lines of a word or two.
        let entry = "Đã tham mưu UBND tỉnh ban hành 02 VB QPPL";
        let starved = measure::width_twips("QPPL", 12.0, Face::Regular) + WORD_SLACK;
        assert!(lines_at(entry, starved) >= 8);
        assert!(lines_at(entry, widths[4]) <= 6, "{widths:?}");
        assert!(
            lines_at("Từ tháng 1 đến tháng 12", widths[3]) <= 3,
            "{widths:?}"
        );
        // Taller than four lines only while no column has width to spare: the empty one
        // holds its heading and nothing more.
        let heading = measure::width_twips("Ghi chú", 12.0, Face::Bold) + WORD_SLACK;
        assert!(
            lines_at(entry, widths[4]) <= 4 || widths[5] == heading,
            "{widths:?}"
        );
    }

    #[test]
    fn a_column_of_short_entries_stops_where_its_longest_fits_while_text_still_wraps() {
        let long =
            "Tham mưu UBND tỉnh ban hành kế hoạch kiểm tra công tác cải cách hành chính ".repeat(3);
        let table = Table {
            widths: vec![1, 10, 10],
            given: vec![false; 3],
            rows: vec![
                row(RowKind::Header, &["TT", "Nhiệm vụ", "Thời hạn"]),
                row(RowKind::Body, &["1", &long, "Quý III"]),
                row(RowKind::Body, &["2", &long, "Thường xuyên"]),
            ],
        };
        let widths = column_widths(&table, &measure_cells(&table, 12.0), 9000);
        assert!(
            lines_at(&long, widths[1]) > 1,
            "the text still wraps: {widths:?}"
        );
        let fits = measure::width_twips("Thường xuyên", 12.0, Face::Regular)
            .max(measure::width_twips("Thời hạn", 12.0, Face::Bold))
            + WORD_SLACK;
        let step = (9000 - 3 * WORD_SLACK) / 48;
        assert!(
            widths[2] <= fits + step
                && widths[0] <= measure::width_twips("TT", 12.0, Face::Bold) + WORD_SLACK + step,
            "{widths:?}"
        );
    }

    /// The ladder as counted before the search skipped rungs: every row at every rung, up
    /// to the first where every cell takes its fewest lines.
    fn counted_at_every_rung(
        measured: &Measured,
        sample: &[usize],
        column: usize,
        (least, step): (u32, u32),
        rungs: u32,
    ) -> (Vec<u32>, Vec<u32>, Vec<u32>, Vec<u64>) {
        let fewest: u32 = sample
            .iter()
            .map(|&r| measured.fewest_lines(r, column))
            .sum();
        let (mut lines, mut totals, mut tallests, mut squares) = (vec![], vec![], vec![], vec![]);
        for k in 0..=rungs {
            let row_lines: Vec<u32> = sample
                .iter()
                .map(|&r| measured.lines(r, column, least + k * step))
                .collect();
            let total: u32 = row_lines.iter().sum();
            tallests.push(row_lines.iter().copied().max().unwrap_or(0));
            squares.push(row_lines.iter().map(|&l| u64::from(l) * u64::from(l)).sum());
            lines.extend(row_lines);
            totals.push(total);
            if total <= fewest {
                break;
            }
        }
        (lines, totals, tallests, squares)
    }

    proptest::proptest! {
        #[test]
        fn the_ladder_skips_rungs_without_changing_a_count(
            cells in proptest::collection::vec(
                proptest::collection::vec(0_usize..9, 0..14), 1..24),
            columns in 1_usize..4,
            step in 20_u32..400,
            rungs in 0_u32..60,
        ) {
            const WORDS: [&str; 9] = ["Rà", "soát,", "hệ", "thống", "\n",
                "Trung tâm", "CCHC-VTLT", "chính", "Ủy-ban-nhân-dân-tỉnh-Hà-Tĩnh"];
            let texts: Vec<String> = cells
                .iter()
                .map(|words| words.iter().map(|&w| WORDS[w]).collect::<Vec<_>>().join(" "))
                .collect();
            let rows: Vec<_> = texts
                .chunks(columns)
                .filter(|chunk| chunk.len() == columns)
                .map(|chunk| {
                    let cells: Vec<&str> = chunk.iter().map(String::as_str).collect();
                    row(RowKind::Body, &cells)
                })
                .collect();
            let table = Table { widths: vec![1; columns], given: vec![false; columns], rows };
            let measured = measure_cells(&table, 12.0);
            let sample: Vec<usize> = (0..table.rows.len()).collect();
            for column in 0..columns {
                let least = measured.longest_word[column] + WORD_SLACK;
                let ladder = Ladder::new(&measured, &sample, column, (least, step), rungs);
                let (lines, total, tallest, squares) =
                    counted_at_every_rung(&measured, &sample, column, (least, step), rungs);
                proptest::prop_assert_eq!(&ladder.lines, &lines);
                proptest::prop_assert_eq!(&ladder.total, &total);
                proptest::prop_assert_eq!(&ladder.tallest, &tallest);
                proptest::prop_assert_eq!(&ladder.squares, &squares);
            }
        }
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
