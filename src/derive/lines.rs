//! List items typed in one field of a table cell, put on lines of their own.
//!
//! A clerk pastes a cell as Word shows it on one line: "Gồm: a) Rà soát …; b) Ban hành …" or
//! "Đã thực hiện: - Tập huấn; - Kiểm tra". In the document each item is a paragraph of the
//! cell. The rule, which leaves prose alone:
//!
//! - a newline in the field is always a new line;
//! - "a) … b) …": an item letter followed by ")" and a space starts a line when the letters
//!   run a), b), c) … in the decree's order from a), each right after ":", ";" or "." and a
//!   space; in a field that opens with "a) ", after any space ("a) Văn phòng Sở b) Trung tâm
//!   XTTM"). "Điều 5 (a)", "điểm a) và điểm b)" and a lone "a)" stay as written;
//! - "- …" and "+ …" start a line after ":", ";" or "." and a space ("2021 - 2025" stays).

use crate::text::point_letter;

/// `text` with a newline before each list item written inline.
pub(super) fn list_lines(text: &str) -> String {
    let mut breaks = lettered_items(text);
    breaks.extend(marked_items(text));
    if breaks.is_empty() {
        return text.to_string();
    }
    breaks.sort_unstable();
    breaks.dedup();
    let mut out = String::with_capacity(text.len() + breaks.len());
    let mut from = 0;
    for at in breaks {
        out.push_str(text[from..at].trim_end_matches(' '));
        out.push('\n');
        from = at;
    }
    out.push_str(&text[from..]);
    out
}

/// Whether the item starting at byte `at` follows ":", ";" or "." and a space (or a newline).
fn after_punctuation(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let trimmed = before.trim_end_matches(' ');
    trimmed.len() < before.len() && trimmed.ends_with([':', ';', '.'])
}

/// Byte offsets where lettered items b), c), … begin (a) too, when text comes before it).
fn lettered_items(text: &str) -> Vec<usize> {
    // A list has a b) (most fields have none, and are read no further).
    if !text.contains("b) ") {
        return Vec::new();
    }
    // A field that opens with "a) " is a list: its next letters need only a space before them.
    let opens_list = text.starts_with("a) ");
    let mut found = Vec::new();
    let mut n = 1;
    let mut search = 0;
    loop {
        let marker = format!("{}) ", point_letter(n));
        let start = text[search..].match_indices(&marker).find_map(|(i, _)| {
            let at = search + i;
            let boundary = after_punctuation(text, at) || (opens_list && text[..at].ends_with(' '));
            (at == 0 || boundary).then_some(at)
        });
        let Some(at) = start else { break };
        found.push(at);
        search = at + marker.len();
        n += 1;
    }
    if found.len() < 2 {
        return Vec::new();
    }
    found.retain(|&at| at > 0);
    found
}

/// Byte offsets where "- " and "+ " items begin after punctuation.
fn marked_items(text: &str) -> Vec<usize> {
    text.match_indices(['-', '+'])
        .map(|(at, _)| at)
        .filter(|&at| text[at + 1..].starts_with(' ') && after_punctuation(text, at))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lettered_items_typed_on_one_line_get_a_line_each() {
        assert_eq!(
            list_lines("Gồm: a) Rà soát văn bản; b) Ban hành quy chế; c) Kiểm tra."),
            "Gồm:\na) Rà soát văn bản;\nb) Ban hành quy chế;\nc) Kiểm tra."
        );
        assert_eq!(
            list_lines("a) Tập huấn. b) Kiểm tra"),
            "a) Tập huấn.\nb) Kiểm tra"
        );
        assert_eq!(
            list_lines("a) Văn phòng Sở b) Trung tâm XTTM c) Trung tâm KC&TVPTCN"),
            "a) Văn phòng Sở\nb) Trung tâm XTTM\nc) Trung tâm KC&TVPTCN"
        );
    }

    #[test]
    fn dashes_and_pluses_after_punctuation_start_lines() {
        assert_eq!(
            list_lines("Đã thực hiện: - Tập huấn; - Kiểm tra; + Quý I"),
            "Đã thực hiện:\n- Tập huấn;\n- Kiểm tra;\n+ Quý I"
        );
    }

    #[test]
    fn prose_stays_as_written() {
        for prose in [
            "Theo Điều 5 (a) và (b) của Nghị định",
            "Thực hiện điểm a) và điểm b) khoản 2",
            "Theo điểm a) khoản 1: b) không áp dụng",
            "Giai đoạn 2021 - 2025",
            "Chỉ có a) một mục",
            "Mục b) trước; a) sau",
            "Kết quả: đạt 9,03/11 điểm",
            "",
        ] {
            assert_eq!(list_lines(prose), prose);
        }
    }

    #[test]
    fn lines_already_typed_stay() {
        assert_eq!(list_lines("a) Một;\nb) Hai"), "a) Một;\nb) Hai");
    }
}
