//! A figure typed in a record (points of a criterion): a TOML number, or text holding a number
//! with a decimal comma as Word writes it (`"0,5"`), which is how clerks paste scores. Text
//! that is not a number is refused where it is written, with the two forms that work.

use super::explain;
use crate::messages::Check;

/// A number as typed; range checks are made after parsing (`check.rs`), on the value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure(f64);

impl Figure {
    pub fn get(self) -> f64 {
        self.0
    }
}

/// The number a figure's text stands for: digits with at most one decimal comma or point,
/// and an optional leading minus ("0,5", " 7.95 ", "-1"). Nothing else: no thousands
/// separators, exponents, "inf" or "nan".
fn parse_text(text: &str) -> Option<f64> {
    let text = text.trim();
    let digits = text.strip_prefix('-').unwrap_or(text);
    let separators = digits.chars().filter(|c| matches!(c, ',' | '.')).count();
    let well_formed = separators <= 1
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.ends_with(|c: char| c.is_ascii_digit());
    if !well_formed {
        return None;
    }
    text.replace(',', ".").parse().ok()
}

impl<'de> serde::Deserialize<'de> for Figure {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FigureVisitor)
    }
}

struct FigureVisitor;

impl serde::de::Visitor<'_> for FigureVisitor {
    type Value = Figure;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // explain.rs turns "a number" into the clerk's words.
        f.write_str("a number")
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Figure, E> {
        // Scores are bounded far below 2^53 by the checks that follow.
        #[allow(clippy::cast_precision_loss)]
        Ok(Figure(value as f64))
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Figure, E> {
        #[allow(clippy::cast_precision_loss)]
        Ok(Figure(value as f64))
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> Result<Figure, E> {
        Ok(Figure(value))
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Figure, E> {
        parse_text(text).map(Figure).ok_or_else(|| {
            let shown: String = text.chars().take(40).collect();
            explain::refuse(Check::NotANumber { text: shown }, Check::WriteANumber)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_commas_and_points_are_numbers_and_nothing_else_is() {
        assert_eq!(parse_text("0,5"), Some(0.5));
        assert_eq!(parse_text(" 7.95 "), Some(7.95));
        assert_eq!(parse_text("-1"), Some(-1.0));
        assert_eq!(parse_text("12"), Some(12.0));
        for bad in [
            "",
            "hai",
            "1.000,5",
            "1e5",
            "inf",
            "nan",
            ",5",
            "5,",
            "0,5 điểm",
            "--1",
        ] {
            assert_eq!(parse_text(bad), None, "{bad}");
        }
    }
}
