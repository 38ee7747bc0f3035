//! Lines the edited document up against its provenance by text: unchanged units anchor the
//! alignment (a diff of the two sequences of texts), and within what differs, units of the
//! same kind (paragraph, cell) are paired when their texts are alike, so an edited paragraph
//! is a change of it, not a deletion plus an addition.

use similar::{Algorithm, DiffOp, TextDiff, capture_diff_slices};

use super::units::Place;

/// How alike two texts must be to be the same unit edited.
const ALIKE: f32 = 0.5;

/// One step of the alignment, in document order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Step {
    /// Base unit `0` is edited unit `1` (same or changed text).
    Same(usize, usize),
    Deleted(usize),
    /// An edited unit with no base; the last base unit before it, if any.
    Added(usize, Option<usize>),
}

/// Aligns `base` (text, place) to `edited`.
pub(crate) fn align(base: &[(String, Place)], edited: &[(String, Place)]) -> Vec<Step> {
    let old: Vec<&str> = base.iter().map(|b| b.0.as_str()).collect();
    let new: Vec<&str> = edited.iter().map(|e| e.0.as_str()).collect();
    let mut steps = Vec::new();
    let mut last_base = None;
    for op in capture_diff_slices(Algorithm::Myers, &old, &new) {
        let (o, ol, n, nl) = match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                for i in 0..len {
                    steps.push(Step::Same(old_index + i, new_index + i));
                }
                if len > 0 {
                    last_base = Some(old_index + len - 1);
                }
                continue;
            }
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (old_index, old_len, new_index, 0),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (old_index, 0, new_index, new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (old_index, old_len, new_index, new_len),
        };
        pair(base, edited, (o, ol), (n, nl), &mut last_base, &mut steps);
    }
    steps
}

fn similarity(a: &str, b: &str) -> f32 {
    TextDiff::from_chars(a, b).ratio()
}

/// Pairs a stretch of base units with a stretch of edited ones: the ordered matching of
/// alike units of the same kind with the greatest total likeness.
fn pair(
    base: &[(String, Place)],
    edited: &[(String, Place)],
    (o, ol): (usize, usize),
    (n, nl): (usize, usize),
    last_base: &mut Option<usize>,
    steps: &mut Vec<Step>,
) {
    let score = |i: usize, j: usize| -> Option<f32> {
        let (b, e) = (&base[o + i], &edited[n + j]);
        if b.1.is_cell() != e.1.is_cell() {
            return None;
        }
        let s = similarity(&b.0, &e.0);
        // A cell at the same place of the same table is the same cell, however rewritten.
        let same_cell = match (b.1, e.1) {
            (
                Place::Cell {
                    table, row, column, ..
                },
                Place::Cell {
                    table: t,
                    row: r,
                    column: c,
                    ..
                },
            ) => (table, row, column) == (t, r, c),
            _ => false,
        };
        (s >= ALIKE || same_cell).then_some(s.max(ALIKE))
    };
    // best[i][j]: best total for base[i..] and edited[j..].
    let mut best = vec![vec![0.0_f32; nl + 1]; ol + 1];
    for i in (0..ol).rev() {
        for j in (0..nl).rev() {
            let mut b = best[i + 1][j].max(best[i][j + 1]);
            if let Some(s) = score(i, j) {
                b = b.max(s + best[i + 1][j + 1]);
            }
            best[i][j] = b;
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < ol || j < nl {
        if i < ol && j < nl {
            if let Some(s) = score(i, j) {
                if (best[i][j] - (s + best[i + 1][j + 1])).abs() < f32::EPSILON {
                    steps.push(Step::Same(o + i, n + j));
                    *last_base = Some(o + i);
                    i += 1;
                    j += 1;
                    continue;
                }
            }
        }
        if i < ol && (j == nl || (best[i][j] - best[i + 1][j]).abs() < f32::EPSILON) {
            steps.push(Step::Deleted(o + i));
            *last_base = Some(o + i);
            i += 1;
        } else {
            steps.push(Step::Added(n + j, *last_base));
            j += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(texts: &[&str]) -> Vec<(String, Place)> {
        texts
            .iter()
            .map(|t| (t.to_string(), Place::Paragraph))
            .collect()
    }

    #[test]
    fn an_edit_pairs_and_an_addition_and_a_deletion_stand_alone() {
        let base = units(&["Mở đầu", "Tăng cường kiểm tra", "Xóa đi hẳn", "Kết thúc"]);
        let edited = units(&[
            "Mở đầu",
            "Tăng cường kiểm tra, giám sát",
            "Một đoạn hoàn toàn mới",
            "Kết thúc",
        ]);
        assert_eq!(
            align(&base, &edited),
            [
                Step::Same(0, 0),
                Step::Same(1, 1),
                Step::Deleted(2),
                Step::Added(2, Some(2)),
                Step::Same(3, 3),
            ]
        );
    }
}
