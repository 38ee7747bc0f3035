//! Text widths in Times New Roman, so that rules can be as long as ND30 asks ("as long as the
//! Tiêu ngữ", "1/3 to 1/2 of the agency name") and column widths can be checked.
//!
//! Advance widths are those of Liberation Serif 2 (metric-compatible with Times New Roman,
//! 2048 units per em), read from the font files once and kept here as tables. Vietnamese
//! letters are measured by their base letter (NFD), plus the horn of ơ/ư.

use unicode_normalization::UnicodeNormalization;

const UNITS_PER_EM: u32 = 2048;

/// Advance widths of U+0020..=U+007E, regular.
const REGULAR: [u16; 95] = [
    512, 682, 836, 1024, 1024, 1706, 1593, 369, 682, 682, 1024, 1155, 512, 682, 512, 569, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 569, 569, 1155, 1155, 1155, 909, 1886,
    1479, 1366, 1366, 1479, 1251, 1139, 1479, 1479, 682, 797, 1479, 1251, 1821, 1479, 1479, 1139,
    1479, 1366, 1139, 1251, 1479, 1479, 1933, 1479, 1479, 1251, 682, 569, 682, 961, 1024, 682, 909,
    1024, 909, 1024, 909, 682, 1024, 1024, 569, 569, 1024, 569, 1593, 1024, 1024, 1024, 1024, 682,
    797, 569, 1024, 1024, 1479, 1024, 1024, 909, 983, 410, 983, 1108,
];

/// Advance widths of U+0020..=U+007E, bold.
const BOLD: [u16; 95] = [
    512, 682, 1137, 1024, 1024, 2048, 1706, 569, 682, 682, 1024, 1167, 512, 682, 512, 569, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1167, 1167, 1167, 1024, 1905,
    1479, 1366, 1479, 1479, 1366, 1251, 1593, 1593, 797, 1024, 1593, 1366, 1933, 1479, 1593, 1251,
    1593, 1479, 1139, 1366, 1479, 1479, 2048, 1479, 1479, 1366, 682, 569, 682, 1190, 1024, 682,
    1024, 1139, 909, 1139, 909, 682, 1024, 1139, 569, 682, 1139, 569, 1706, 1139, 1024, 1139, 1139,
    909, 797, 682, 1139, 1024, 1479, 1024, 1024, 909, 807, 451, 807, 1065,
];

/// Advance widths of U+0020..=U+007E, italic.
const ITALIC: [u16; 95] = [
    512, 682, 860, 1024, 1024, 1706, 1593, 438, 682, 682, 1024, 1382, 512, 682, 512, 569, 1024,
    1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 1024, 682, 682, 1382, 1382, 1382, 1024, 1884,
    1251, 1251, 1366, 1479, 1251, 1251, 1479, 1479, 682, 909, 1366, 1139, 1706, 1366, 1479, 1251,
    1479, 1251, 1024, 1139, 1479, 1251, 1706, 1251, 1139, 1139, 797, 569, 797, 864, 1024, 682,
    1024, 1024, 909, 1024, 909, 569, 1024, 1024, 569, 569, 909, 569, 1479, 1024, 1024, 1024, 1024,
    797, 797, 569, 1024, 909, 1366, 909, 909, 797, 819, 563, 819, 1108,
];

/// Which face of the font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Face {
    Regular,
    Bold,
    Italic,
}

fn advance(c: char, face: Face) -> u32 {
    let table = match face {
        Face::Regular => &REGULAR,
        Face::Bold => &BOLD,
        Face::Italic => &ITALIC,
    };
    // A letter with diacritics is as wide as its base letter, plus the horn of ơ and ư; the
    // decomposition is read without allocating, since every cell of a long table is measured.
    let (base, horned) = match c {
        ' '..='~' => (c, false),
        'Đ' => ('D', false),
        'đ' => ('d', false),
        c => {
            let (mut base, mut horned) = (None, false);
            unicode_normalization::char::decompose_canonical(c, |part| {
                base.get_or_insert(part);
                horned |= part == '\u{031B}';
            });
            (base.unwrap_or(c), horned)
        }
    };
    let horn = match (horned, base.is_uppercase()) {
        (false, _) => 0,
        (true, true) => 110,
        (true, false) => 90,
    };
    let index = (base as u32).wrapping_sub(0x20) as usize;
    // Characters outside ASCII after decomposition are rare here; an em's half is a fair guess.
    u32::from(table.get(index).copied().unwrap_or(1024)) + horn
}

/// Width of `text` in twips (1/20 pt) at `size_pt`.
pub(crate) fn width_twips(text: &str, size_pt: f32, face: Face) -> u32 {
    // Record text is NFC already (cleaned at load); only other text is composed first.
    let units: u32 = if crate::text::is_nfc(text) {
        text.chars().map(|c| advance(c, face)).sum()
    } else {
        text.nfc().map(|c| advance(c, face)).sum()
    };
    // 20 twips per point; rounding to whole twips is far below what the eye can see.
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss
    )]
    let twips = (units as f32 * size_pt * 20.0 / UNITS_PER_EM as f32).round() as u32;
    twips
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mm(twips: u32) -> f32 {
        #[allow(clippy::cast_precision_loss)]
        let t = twips as f32;
        t / 56.693
    }

    #[test]
    fn matches_liberation_serif_2_widths() {
        // Reference widths summed from the font files' hmtx tables with fontTools. They are
        // wider than the figures in nd30.md §4.1 (82.0 / 88.9 / 53.2 mm), which understate
        // the bold face; the header column is sized from these.
        let qh = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
        assert!((mm(width_twips(qh, 12.0, Face::Bold)) - 88.3).abs() < 0.3);
        assert!((mm(width_twips(qh, 13.0, Face::Bold)) - 95.7).abs() < 0.3);
        let tn = "Độc lập - Tự do - Hạnh phúc";
        assert!((mm(width_twips(tn, 13.0, Face::Bold)) - 56.1).abs() < 0.3);
        assert!((mm(width_twips("ỦY BAN NHÂN DÂN", 13.0, Face::Bold)) - 43.2).abs() < 0.3);
    }
}
