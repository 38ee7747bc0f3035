//! Vietnamese text rules in one place: NFC normalisation, upper case, ND30 dates and document
//! numbers, decimal-comma numbers, roman numerals and point letters.
//!
//! Every string that reaches a document passes through here, so a rule ("tháng 3", never
//! "tháng 03") is written once and tested once.

use unicode_normalization::UnicodeNormalization;

/// Normalises text to NFC and drops what XML 1.0 cannot carry (control characters, the
/// noncharacters U+FFFE and U+FFFF). Newlines and tabs are kept; the markup layer decides
/// what they mean.
pub(crate) fn clean(text: &str) -> String {
    if plain_prefix(text, Controls::Refused) == text.len()
        || (text.chars().all(fits_xml) && is_nfc(text))
    {
        return text.to_string();
    }
    text.nfc().filter(|c| fits_xml(*c)).collect()
}

/// `text` with a no-break space before its last word, so that a title that wraps never
/// leaves one word alone on its last line ("… năm" / "2021" becomes "… tháng đầu" / "năm
/// 2021"). Text of one or two words is returned as it is.
pub(crate) fn glue_last_word(text: &str) -> String {
    match text.trim_end().rsplit_once(' ') {
        Some((head, last)) if head.trim().contains(' ') => format!("{head}\u{a0}{last}"),
        _ => text.to_string(),
    }
}

/// Whether `text` is already NFC; a quick check that answers for almost all text, since
/// records are normalised when loaded. Normalising again is the costly part of rendering.
///
/// Only the runs of other characters go through the quick check: a letter of [`always_nfc`]
/// has combining class 0 and is "Yes" for NFC, which is where the check starts afresh, so
/// checking the runs alone answers exactly as checking the whole text (a record's typographic
/// quotes and dashes no longer send all of it through the tables).
pub(crate) fn is_nfc(text: &str) -> bool {
    let mut rest = text;
    loop {
        let start = plain_prefix(rest, Controls::Kept);
        if start == rest.len() {
            return true;
        }
        let run = &rest[start..];
        let end = run.find(always_nfc).unwrap_or(run.len());
        if unicode_normalization::is_nfc_quick(run[..end].chars())
            != unicode_normalization::IsNormalized::Yes
        {
            return false;
        }
        rest = &run[end..];
    }
}

/// Whether [`plain_prefix`] stops at control characters XML cannot carry.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Controls {
    Kept,
    Refused,
}

/// The length in bytes of the leading run of `text` made of [`always_nfc`] letters (and,
/// with [`Controls::Refused`], none that [`fits_xml`] refuses), read from the UTF-8 bytes:
/// almost every string of a record is such a run, and this answers for it without decoding a
/// character. A character outside the run starts with a byte of its own ([`stops`]), so the
/// bytes are looked at sixteen at a time, which the compiler turns into vector instructions.
fn plain_prefix(text: &str, controls: Controls) -> usize {
    let bytes = text.as_bytes();
    let refused = controls == Controls::Refused;
    let mut at = 0;
    // Each byte is looked at with the one after it, so a window is one byte longer.
    while let Some(window) = bytes.get(at..at + 17) {
        let stop = window
            .windows(2)
            .fold(false, |stop, pair| stop | stops(pair[0], pair[1], refused));
        if stop {
            break;
        }
        at += 16;
    }
    // From here byte by byte; a byte inside a character never stops, so `at` may be one.
    while let Some(&byte) = bytes.get(at) {
        if stops(byte, bytes.get(at + 1).copied().unwrap_or(0), refused) {
            return at;
        }
        at += 1;
    }
    at
}

/// Whether `byte` (followed by `next`) starts a character [`plain_prefix`] stops at: any
/// from U+0300 on (first byte 0xCC or more) but the precomposed Vietnamese letters (0xE1
/// then 0xB8 to 0xBB: U+1E00 to U+1EFF), and with `refused` the control characters but
/// newline and tab (U+0000 to U+001F, U+007F, and 0xC2 then below 0xA0: U+0080 to U+009F).
/// A byte inside a character (0x80 to 0xBF) never stops.
fn stops(byte: u8, next: u8, refused: bool) -> bool {
    let outside = byte >= 0xCC && !(byte == 0xE1 && (0xB8..=0xBB).contains(&next));
    let control = (byte < 0x20 && byte != b'\n' && byte != b'\t')
        || byte == 0x7F
        || (byte == 0xC2 && next < 0xA0);
    outside || (refused && control)
}

/// Whether `text` holds any of the ASCII characters `ascii` (markup, escapes, line breaks),
/// looked for byte by byte: a byte below 0x80 is never part of another character, and a
/// search for a set of characters would decode every one of them first. Sixteen bytes are
/// compared with the whole set at once, which the compiler turns into vector instructions
/// (0.4 ns a byte, against 2 for a search that stops at each byte).
pub(crate) fn has_any<const N: usize>(text: &str, ascii: &[u8; N]) -> bool {
    let holds = |block: &[u8; 16]| {
        block.iter().fold(false, |found, byte| {
            found | ascii.iter().fold(false, |is, a| is | (byte == a))
        })
    };
    let mut blocks = text.as_bytes().chunks_exact(16);
    if blocks.any(|block| block.try_into().is_ok_and(&holds)) {
        return true;
    }
    // The last bytes as a block too, filled out with a byte no ASCII character is.
    let rest = blocks.remainder();
    let mut last = [0x80; 16];
    last[..rest.len()].copy_from_slice(rest);
    holds(&last)
}

/// Letters that are NFC and start no composition with what precedes them: everything below
/// the combining marks (ASCII, Latin-1, Latin Extended A and B) and the precomposed
/// Vietnamese letters (Latin Extended Additional). Text made only of these needs no table
/// lookups, which the quick check does for every character.
fn always_nfc(c: char) -> bool {
    matches!(c, '\0'..='\u{2FF}' | '\u{1E00}'..='\u{1EFF}')
}

fn fits_xml(c: char) -> bool {
    matches!(c, '\n' | '\t') || !(c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
}

/// Bytes as text, when they are UTF-8: checked with vector instructions and copied, which
/// costs a tenth of the standard library's check; that check runs only on bytes that fail,
/// to place the bad one.
pub(crate) fn utf8(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    match simdutf8::basic::from_utf8(&bytes) {
        Ok(text) => Ok(text.to_owned()),
        Err(_) => String::from_utf8(bytes),
    }
}

/// Upper case with Vietnamese letters (ư → Ư, đ → Đ, ệ → Ệ), result in NFC.
pub(crate) fn upper(text: &str) -> String {
    let upper = if plain_prefix(text, Controls::Kept) == text.len() {
        plain_upper(text)
    } else if is_nfc(text) {
        text.to_uppercase()
    } else {
        text.nfc().collect::<String>().to_uppercase()
    };
    if is_nfc(&upper) {
        upper
    } else {
        upper.nfc().collect()
    }
}

/// Upper case of text made of [`always_nfc`] letters, the Vietnamese ones without the
/// tables ([`table_upper`]); the rest as the standard library says.
fn plain_upper(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match table_upper(c) {
            Some(upper) => out.push(upper),
            None => out.extend(c.to_uppercase()),
        }
    }
    out
}

/// The capital of a letter whose capital is one [`always_nfc`] character found without the
/// tables: ASCII, the small letters of Latin-1 (à → À, 0x20 below) and its capitals, ă đ ĩ ũ
/// ơ ư and theirs, and the case pairs of the precomposed letters (capital at the even code
/// point, small at the odd one).
fn table_upper(c: char) -> Option<char> {
    let code = u32::from(c);
    match c {
        '\0'..='\x7f' => Some(c.to_ascii_uppercase()),
        'à'..='þ' if c != '÷' => char::from_u32(code - 0x20),
        'À'..='Þ' if c != '×' => Some(c),
        'ă' | 'đ' | 'ĩ' | 'ũ' | 'ơ' => char::from_u32(code - 1),
        'Ă' | 'Đ' | 'Ĩ' | 'Ũ' | 'Ơ' | 'Ư' => Some(c),
        'ư' => Some('Ư'),
        '\u{1E00}'..='\u{1E95}' | '\u{1EA0}'..='\u{1EFF}' => char::from_u32(code & !1),
        _ => None,
    }
}

/// The first `count` characters of [`upper`]`(text)`, when it has that many, without
/// upper-casing the rest where they are plain letters: when each of the first `count + 1`
/// characters (or all, if fewer) has a capital of one character ([`table_upper`]), nothing
/// after them changes the first `count` capitals (no mark composes with them); otherwise
/// from the whole text's capitals.
pub(crate) fn upper_prefix(text: &str, count: usize) -> Option<String> {
    let mut prefix = String::with_capacity(count * 3);
    let mut taken = 0;
    for c in text.chars() {
        let Some(upper) = table_upper(c) else {
            let whole = upper(text);
            let end = whole
                .char_indices()
                .nth(count)
                .map_or(whole.len(), |(at, _)| at);
            return (whole[..end].chars().count() == count).then(|| whole[..end].to_string());
        };
        if taken == count {
            return Some(prefix);
        }
        prefix.push(upper);
        taken += 1;
    }
    (taken == count).then_some(prefix)
}

/// A document number as ND30 prints it: two digits below 10 ("05"), blank for a draft.
pub(crate) fn doc_number(number: Option<u32>) -> String {
    match number {
        Some(n) => format!("{n:02}"),
        None => "      ".to_string(),
    }
}

/// Day as ND30 prints it: leading zero below 10.
pub(crate) fn day(d: u32) -> String {
    format!("{d:02}")
}

/// Month as ND30 prints it: leading zero only for January and February ("01", "02", "3", "12").
pub(crate) fn month(m: u32) -> String {
    if m <= 2 {
        format!("{m:02}")
    } else {
        m.to_string()
    }
}

/// The long date of ô 4: "ngày 05 tháng 01 năm 2021". Missing day or month print as blanks so
/// a clerk can write them in after signing.
pub(crate) fn long_date(
    day_of_month: Option<u32>,
    month_of_year: Option<u32>,
    year: i32,
) -> String {
    let d = day_of_month.map_or_else(|| "     ".to_string(), day);
    let m = month_of_year.map_or_else(|| "     ".to_string(), month);
    format!("ngày {d} tháng {m} năm {year}")
}

/// The short date used in references and table cells: "05/01/2021", "     /6/2021".
pub(crate) fn short_date(
    day_of_month: Option<u32>,
    month_of_year: Option<u32>,
    year: i32,
) -> String {
    let d = day_of_month.map_or_else(|| "     ".to_string(), day);
    let m = month_of_year.map_or_else(|| "     ".to_string(), month);
    format!("{d}/{m}/{year}")
}

/// Roman numerals for section and group numbers (1 → "I", 14 → "XIV").
pub(crate) fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// The letter of the n-th điểm (1-based) in the order the decree itself uses:
/// a, b, c, d, đ, e, g, h, i, k, l, m, n, o, p, q, r, s, t, u, v, x, y; then aa, bb, …
pub(crate) fn point_letter(n: usize) -> String {
    const LETTERS: [&str; 23] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s",
        "t", "u", "v", "x", "y",
    ];
    let index = n.saturating_sub(1);
    LETTERS[index % LETTERS.len()].repeat(index / LETTERS.len() + 1)
}

/// A decimal quantity (points in the CCHC index) kept as an exact integer of ten-thousandths,
/// so that 10 − 9.73 is 0.27 and not 0.2699999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Decimal(i64);

impl Decimal {
    const SCALE: i64 = 10_000;

    /// Converts a record's float, rounding to four decimals (the index never uses more).
    pub fn from_f64(value: f64) -> Self {
        // The cast is the rounding step: values are bounded by validation to ±1e9.
        #[allow(clippy::cast_possible_truncation)]
        Decimal((value * Self::SCALE as f64).round() as i64)
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }

    /// Vietnamese form with a decimal comma and no trailing zeros: 9.03 → "9,03", 15 → "15".
    pub fn vi(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        let whole = abs / Self::SCALE.unsigned_abs();
        let frac = abs % Self::SCALE.unsigned_abs();
        if frac == 0 {
            return format!("{sign}{whole}");
        }
        let digits = format!("{frac:04}");
        format!("{sign}{whole},{}", digits.trim_end_matches('0'))
    }
}

impl std::ops::Add for Decimal {
    type Output = Decimal;
    fn add(self, other: Decimal) -> Decimal {
        Decimal(self.0 + other.0)
    }
}

impl std::ops::Sub for Decimal {
    type Output = Decimal;
    fn sub(self, other: Decimal) -> Decimal {
        Decimal(self.0 - other.0)
    }
}

impl std::iter::Sum for Decimal {
    fn sum<I: Iterator<Item = Decimal>>(iter: I) -> Decimal {
        iter.fold(Decimal::default(), |a, b| a + b)
    }
}

/// `text` ending with `mark`: a full stop, semicolon or comma the clerk typed at its end gives
/// way to it, so a clerk may type either ("Thường xuyên." → "Thường xuyên;", never
/// "Thường xuyên.;").
pub(crate) fn end_with(text: &str, mark: &str) -> String {
    let bare = text.trim_end().trim_end_matches([';', '.', ',']).trim_end();
    format!("{bare}{mark}")
}

/// Adds the list punctuation ND30 uses for one-per-line items (căn cứ, Kính gửi, Nơi nhận):
/// every line but the last ends with ";", the last with "." ([`end_with`]).
pub(crate) fn punctuate_list(items: &[String]) -> Vec<String> {
    let last = items.len().saturating_sub(1);
    items
        .iter()
        .enumerate()
        .map(|(i, item)| end_with(item.trim(), if i == last { "." } else { ";" }))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checking_runs_answers_as_checking_the_whole_text() {
        let whole = |text: &str| {
            unicode_normalization::is_nfc_quick(text.chars())
                == unicode_normalization::IsNormalized::Yes
        };
        for text in [
            "Việt Nam – “Kế hoạch” năm 2021",
            "“e\u{301}”",
            "Vie\u{323}\u{302}t – x",
            "a\u{301}\u{323} – b",
            "– \u{323}\u{301}",
            "Ω – ℃ ‰ “”",
            "ᾀ",
            "",
        ] {
            assert_eq!(is_nfc(text), whole(text), "{text:?}");
        }
    }

    #[test]
    fn a_character_is_found_wherever_it_falls_in_the_blocks_of_sixteen() {
        for length in 0..40 {
            let plain = "ệ".repeat(length);
            assert!(!has_any(&plain, b"&<>'\"\r"), "{length}");
            for at in 0..=length {
                let text = format!("{}&{}", "ệ".repeat(at), "ệ".repeat(length - at));
                assert!(has_any(&text, b"<&"), "{length} {at}");
                assert!(!has_any(&text, b"<>"), "{length} {at}");
            }
        }
    }

    #[test]
    fn ascii_characters_are_found_among_vietnamese_letters() {
        assert!(has_any("Tiến độ *đạt*", b"\\*"));
        assert!(has_any("dòng một\ndòng hai", b"\n\r"));
        assert!(!has_any("Nhiệm vụ – “trọng tâm”", b"\\*\n\r&<>"));
        assert!(!has_any("", b"*"));
    }

    #[test]
    fn upper_case_without_the_tables_is_the_standard_one() {
        for c in ('\0'..='\u{2FF}').chain('\u{1E00}'..='\u{1EFF}') {
            let text = format!("aệ{c}");
            assert_eq!(plain_upper(&text), text.to_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn the_byte_scan_stops_where_the_character_rules_do() {
        for c in ('\0'..='\u{FFFF}').chain(['\u{10000}', '\u{1F600}', '\u{10FFFF}']) {
            let text = format!("aệ{c}b");
            let at = "aệ".len();
            let kept = always_nfc(c);
            let refused = kept && fits_xml(c);
            let stop = |ok: bool| if ok { text.len() } else { at };
            assert_eq!(plain_prefix(&text, Controls::Kept), stop(kept), "{c:?}");
            assert_eq!(
                plain_prefix(&text, Controls::Refused),
                stop(refused),
                "{c:?}"
            );
        }
    }

    #[test]
    fn the_fast_nfc_range_agrees_with_the_unicode_tables() {
        for c in ('\0'..='\u{2FF}').chain('\u{1E00}'..='\u{1EFF}') {
            assert!(always_nfc(c));
            // Each of them is NFC on its own and after a base letter.
            for text in [c.to_string(), format!("a{c}")] {
                assert_eq!(
                    unicode_normalization::is_nfc_quick(text.chars()),
                    unicode_normalization::IsNormalized::Yes,
                    "{c:?}"
                );
            }
        }
        assert!(!always_nfc('\u{300}') && !always_nfc('\u{1F00}'));
        assert!(!is_nfc("Vie\u{323}\u{302}t"));
        assert!(is_nfc("Việt Nam"));
    }

    #[test]
    fn month_zero_rule_only_for_january_and_february() {
        assert_eq!(month(1), "01");
        assert_eq!(month(2), "02");
        assert_eq!(month(3), "3");
        assert_eq!(month(8), "8");
        assert_eq!(month(12), "12");
    }

    #[test]
    fn long_date_follows_nd30_examples() {
        assert_eq!(
            long_date(Some(5), Some(1), 2020),
            "ngày 05 tháng 01 năm 2020"
        );
        assert_eq!(
            long_date(Some(29), Some(6), 2019),
            "ngày 29 tháng 6 năm 2019"
        );
        assert_eq!(
            long_date(Some(5), Some(3), 2020),
            "ngày 05 tháng 3 năm 2020"
        );
        assert_eq!(
            long_date(None, None, 2021),
            "ngày       tháng       năm 2021"
        );
        assert_eq!(
            long_date(None, Some(6), 2021),
            "ngày       tháng 6 năm 2021"
        );
    }

    #[test]
    fn short_date_keeps_the_same_zero_rules() {
        assert_eq!(short_date(Some(6), Some(6), 2018), "06/6/2018");
        assert_eq!(short_date(Some(14), Some(2), 2022), "14/02/2022");
        assert_eq!(short_date(None, Some(6), 2021), "     /6/2021");
    }

    #[test]
    fn document_numbers_below_ten_get_a_zero() {
        assert_eq!(doc_number(Some(5)), "05");
        assert_eq!(doc_number(Some(18)), "18");
        assert_eq!(doc_number(None), "      ");
    }

    proptest::proptest! {
        #[test]
        fn the_first_capitals_are_those_of_the_whole_text(
            letters in proptest::collection::vec(0_usize..14, 0..9),
            count in 1_usize..6,
        ) {
            const LETTERS: [&str; 14] =
                ["a", "ệ", "Ư", "đ", "ß", "\u{301}", "e", "ǰ", " ", "À", "×", "ŉ", "ﬁ", "Σ"];
            let text: String = letters.iter().map(|&l| LETTERS[l]).collect();
            let whole = upper(&text);
            let expected = (whole.chars().count() >= count)
                .then(|| whole.chars().take(count).collect::<String>());
            proptest::prop_assert_eq!(upper_prefix(&text, count), expected, "{:?}", text);
        }
    }

    #[test]
    fn upper_handles_vietnamese_letters() {
        assert_eq!(upper("ủy ban nhân dân"), "ỦY BAN NHÂN DÂN");
        assert_eq!(upper("đường ưu tiên"), "ĐƯỜNG ƯU TIÊN");
        assert_eq!(upper("Sở Công Thương"), "SỞ CÔNG THƯƠNG");
    }

    #[test]
    fn clean_drops_the_noncharacters_xml_refuses() {
        assert_eq!(clean("a\u{FFFE}b\u{FFFF}c\u{FFFD}"), "abc\u{FFFD}");
    }

    #[test]
    fn clean_composes_nfd_and_drops_control_characters() {
        let decomposed = "Vie\u{0302}\u{0323}t Nam";
        assert_eq!(clean(decomposed), "Việt Nam");
        assert_eq!(clean("a\u{0007}b\u{000B}c\nd"), "abc\nd");
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(7), "VII");
        assert_eq!(roman(14), "XIV");
        assert_eq!(roman(49), "XLIX");
    }

    #[test]
    fn point_letters_skip_vietnamese_vowel_variants() {
        let letters: Vec<String> = (1..=8).map(point_letter).collect();
        assert_eq!(letters, ["a", "b", "c", "d", "đ", "e", "g", "h"]);
        assert_eq!(point_letter(23), "y");
        assert_eq!(point_letter(24), "aa");
    }

    #[test]
    fn decimals_use_a_comma_and_exact_arithmetic() {
        let max = Decimal::from_f64(10.0);
        let got = Decimal::from_f64(9.73);
        assert_eq!((got - max).vi(), "-0,27");
        assert_eq!(Decimal::from_f64(9.03).vi(), "9,03");
        assert_eq!(Decimal::from_f64(1.5).vi(), "1,5");
        assert_eq!(Decimal::from_f64(0.25).vi(), "0,25");
        assert_eq!(Decimal::from_f64(100.0).vi(), "100");
        let parts = [15.5, 10.0, 17.0, 11.5, 11.5, 4.0, 19.5, 11.0];
        let total: Decimal = parts.iter().map(|p| Decimal::from_f64(*p)).sum();
        assert_eq!(total.vi(), "100");
    }

    #[test]
    fn list_punctuation_is_computed() {
        let items = vec!["UBND tỉnh (b/c)".to_string(), "Lưu: VT, VP.".to_string()];
        assert_eq!(punctuate_list(&items), ["UBND tỉnh (b/c);", "Lưu: VT, VP."]);
        let one = vec!["Bộ Nội vụ;".to_string()];
        assert_eq!(punctuate_list(&one), ["Bộ Nội vụ."]);
    }

    #[test]
    fn the_last_word_of_a_title_is_glued_to_the_one_before() {
        assert_eq!(
            glue_last_word("6 tháng đầu năm 2021"),
            "6 tháng đầu năm\u{a0}2021"
        );
        assert_eq!(glue_last_word("Báo cáo"), "Báo cáo");
        assert_eq!(glue_last_word("Kết quả"), "Kết quả");
    }
}
