//! Lines of text in a table cell, counted the way Word and LibreOffice fill them: word after
//! word until the next does not fit. Column widths are weighed by these counts, and whether a
//! row may break across pages too; a paragraph's width divided by the column's (what the
//! layout counted before) misses the room lost at every line end, most in narrow columns, so
//! a narrow column looked shorter than it prints.

use super::measure::{self, Face};

/// A word as the line breaker sees it, in twips: its own width and that of the spaces
/// before it (ignored at the start of a line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Word {
    pub gap: u32,
    pub width: u32,
}

/// Calls `word` with each word of a line of text pieces in their faces, and the pieces that
/// make it up: words end at spaces, not where the face changes ("**Tổng** cộng" is two
/// words, "**CCHC**-VTLT" one).
pub(super) fn for_each_word<'a>(
    line: &[(&'a str, Face)],
    size: f32,
    mut word: impl FnMut(Word, &[&'a str]),
) {
    let mut pieces: Vec<&'a str> = Vec::new();
    let (mut gap, mut width, mut spaces) = (0, 0, 0);
    for &(text, face) in line {
        let space = measure::width_twips(" ", size, face);
        for (n, piece) in text.split(' ').enumerate() {
            if n > 0 {
                if !pieces.is_empty() {
                    word(Word { gap, width }, &pieces);
                    pieces.clear();
                    width = 0;
                }
                spaces += space;
            }
            if piece.is_empty() {
                continue;
            }
            if pieces.is_empty() {
                gap = spaces;
                spaces = 0;
            }
            width += measure::width_twips(piece, size, face);
            pieces.push(piece);
        }
    }
    if !pieces.is_empty() {
        word(Word { gap, width }, &pieces);
    }
}

/// The lines a paragraph of `words` takes in a line `inner` twips wide. A word wider than the
/// line is broken over as many lines as it needs, as Word does. A wider line never takes more
/// lines, which the column-width search relies on to skip widths (`widths::Ladder`).
pub(super) fn paragraph_lines(words: &[Word], inner: u32) -> u32 {
    let inner = inner.max(1);
    let (mut lines, mut used) = (1, 0);
    for w in words {
        if used > 0 && used + w.gap + w.width <= inner {
            used += w.gap + w.width;
            continue;
        }
        if used > 0 {
            lines += 1;
        }
        // The word starts a line; what is left of it after whole lines stays on the last.
        let whole = w.width.saturating_sub(1) / inner;
        lines += whole;
        used = w.width - whole * inner;
    }
    lines
}

/// The best cut of the first words into lines so far: (the cost of its breaks, the longest
/// line's width), and the word where its last line starts.
type Cut = ((usize, u32), usize);

/// `text` (one line of words in one face) cut into the fewest lines that fit `inner` twips.
/// Of the ways to cut it into that many, the one whose breaks cost least by `break_cost`
/// (given the words before and from there), then the one whose
/// longest line is shortest: a name too long for its column reads "ỦY BAN NHÂN DÂN" / "XÃ
/// KỲ TIẾN", where Word would fill the first line and leave "TIẾN" alone on the second.
/// Text that fits, or holds a word wider than the line (which Word breaks as it must), is
/// one line as it is.
pub(super) fn balanced_lines(
    text: &str,
    (size, face): (f32, Face),
    inner: u32,
    break_cost: impl Fn(&[&str], &[&str]) -> usize,
) -> Vec<String> {
    let mut words: Vec<&str> = Vec::new();
    let mut measured: Vec<Word> = Vec::new();
    for_each_word(&[(text, face)], size, |word, pieces| {
        words.extend(pieces.first());
        measured.push(word);
    });
    if words.len() < 2
        || measure::width_twips(text, size, face) <= inner
        || measured.iter().any(|w| w.width > inner)
    {
        return vec![text.to_string()];
    }
    // The width of the line of words i..j.
    let line = |i: usize, j: usize| {
        measured[i].width
            + measured[i + 1..j]
                .iter()
                .map(|w| w.gap + w.width)
                .sum::<u32>()
    };
    let count = paragraph_lines(&measured, inner) as usize;
    let n = words.len();
    // best[m][j]: for words 0..j in m lines that fit, the least cost of their breaks and the
    // least width of the longest line, and where the last line starts.
    let mut best: Vec<Vec<Option<Cut>>> = vec![vec![None; n + 1]; count + 1];
    best[0][0] = Some(((0, 0), 0));
    for m in 1..=count {
        for j in m..=n {
            for i in (m - 1)..j {
                let (Some(((bad, longest), _)), width) = (best[m - 1][i], line(i, j)) else {
                    continue;
                };
                if width > inner {
                    continue;
                }
                let bad = bad
                    + if i > 0 {
                        break_cost(&words[..i], &words[i..])
                    } else {
                        0
                    };
                let cost = (bad, longest.max(width));
                if best[m][j].is_none_or(|(c, _)| cost < c) {
                    best[m][j] = Some((cost, i));
                }
            }
        }
    }
    let mut lines = Vec::with_capacity(count);
    let mut end = n;
    for m in (1..=count).rev() {
        let Some((_, start)) = best[m][end] else {
            return vec![text.to_string()];
        };
        lines.push(words[start..end].join(" "));
        end = start;
    }
    lines.reverse();
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Word> {
        let mut out = Vec::new();
        for_each_word(&[(text, Face::Regular)], 12.0, |w, _| out.push(w));
        out
    }

    #[test]
    fn lines_fill_word_by_word_and_lose_the_room_at_their_ends() {
        let progress = words("Đã tham mưu UBND tỉnh ban hành 02 VB QPPL");
        let total: u32 = progress.iter().map(|w| w.gap + w.width).sum::<u32>() - progress[0].gap;
        // One line when it fits exactly, two when a twip is missing.
        assert_eq!(paragraph_lines(&progress, total), 1);
        assert_eq!(paragraph_lines(&progress, total - 1), 2);
        // At the width of its widest word each line holds a word or two: far more lines
        // than the text's width divided by the column's.
        let widest = progress.iter().map(|w| w.width).max().unwrap();
        let lines = paragraph_lines(&progress, widest);
        assert!(lines > total.div_ceil(widest), "{lines}");
        assert_eq!(paragraph_lines(&[], 100), 1, "an empty paragraph is a line");
    }

    proptest::proptest! {
        #[test]
        fn a_wider_line_never_takes_more_lines(
            words in proptest::collection::vec((0_u32..300, 0_u32..3000), 0..30),
            narrow in 1_u32..4000,
            wider_by in 0_u32..4000,
        ) {
            let words: Vec<Word> = words.into_iter().map(|(gap, width)| Word { gap, width }).collect();
            proptest::prop_assert!(
                paragraph_lines(&words, narrow + wider_by) <= paragraph_lines(&words, narrow)
            );
        }
    }

    #[test]
    fn a_word_wider_than_the_line_takes_the_lines_it_needs() {
        let word = [Word { gap: 0, width: 250 }];
        assert_eq!(paragraph_lines(&word, 100), 3);
        assert_eq!(paragraph_lines(&word, 250), 1);
    }

    #[test]
    fn words_end_at_spaces_not_where_the_face_changes() {
        let mut found = Vec::new();
        for_each_word(
            &[
                ("Lưu: VT, ", Face::Regular),
                ("CCHC", Face::Bold),
                ("-VTLT  a", Face::Regular),
            ],
            12.0,
            |w, pieces| found.push((pieces.concat(), w.gap > 0)),
        );
        let found: Vec<(&str, bool)> = found.iter().map(|(t, g)| (t.as_str(), *g)).collect();
        assert_eq!(
            found,
            [
                ("Lưu:", false),
                ("VT,", true),
                ("CCHC-VTLT", true),
                ("a", true)
            ]
        );
    }

    #[test]
    fn a_name_too_long_for_its_column_breaks_where_its_lines_are_even() {
        let anywhere = |_: &[&str], _: &[&str]| 0;
        let lines = |text: &str, inner| balanced_lines(text, (13.0, Face::Bold), inner, anywhere);
        let name = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG";
        let whole = measure::width_twips(name, 13.0, Face::Bold);
        assert_eq!(lines(name, whole), [name]);
        assert_eq!(
            lines(name, whole - 1),
            ["TRUNG TÂM PHỤC VỤ", "HÀNH CHÍNH CÔNG"]
        );
        // Every line fits, in the fewest lines Word would take, the words in order.
        for inner in (whole / 4..whole).step_by(97) {
            let cut = lines(name, inner);
            for l in &cut {
                assert!(
                    measure::width_twips(l, 13.0, Face::Bold) <= inner,
                    "{inner}: {cut:?}"
                );
            }
            let mut words = Vec::new();
            for_each_word(&[(name, Face::Bold)], 13.0, |w, _| words.push(w));
            assert_eq!(cut.len(), paragraph_lines(&words, inner) as usize);
            assert_eq!(cut.join(" "), name);
        }
        // A word wider than the line: Word breaks it; vanban does not try.
        assert_eq!(lines("ỦY BAN", 100), ["ỦY BAN"]);
    }

    #[test]
    fn a_line_starts_where_it_may_when_the_lines_still_fit() {
        let at_xa = |_: &[&str], rest: &[&str]| usize::from(rest[0] != "XÃ");
        let name = "ỦY BAN NHÂN DÂN XÃ KỲ TIẾN";
        let whole = measure::width_twips(name, 13.0, Face::Bold);
        assert_eq!(
            balanced_lines(name, (13.0, Face::Bold), whole - 1, at_xa),
            ["ỦY BAN NHÂN DÂN", "XÃ KỲ TIẾN"]
        );
        // Too narrow for "ỦY BAN NHÂN DÂN" on one line: the lines fit first.
        let narrow = measure::width_twips("ỦY BAN NHÂN", 13.0, Face::Bold);
        let cut = balanced_lines(name, (13.0, Face::Bold), narrow, at_xa);
        assert!(cut.len() >= 3 && cut.join(" ") == name, "{cut:?}");
    }
}
