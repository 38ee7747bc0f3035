//! How a value is written inside a message: user data (keys, paths, record text) exactly as
//! it is, numbers with the decimal separator of the language, nested messages in the same
//! language. [`Sample`] gives each kind of value a recognisable stand-in, so tests can render
//! every message without a record that triggers it.

use std::path::PathBuf;

use super::{Lang, Message};
use crate::text::Decimal;

/// A value as it appears in a message in `lang`.
pub trait Show {
    fn show(&self, lang: Lang) -> String;
}

/// A stand-in value for tests of every message; `n` makes each field's value distinct.
pub trait Sample {
    fn sample(n: usize) -> Self;
}

impl Show for String {
    fn show(&self, _: Lang) -> String {
        self.clone()
    }
}

impl Sample for String {
    fn sample(n: usize) -> Self {
        format!("‹value{n}›")
    }
}

impl Show for PathBuf {
    fn show(&self, _: Lang) -> String {
        self.display().to_string()
    }
}

impl Sample for PathBuf {
    fn sample(n: usize) -> Self {
        PathBuf::from(format!("‹folder{n}›/‹file{n}›.toml"))
    }
}

macro_rules! whole_numbers {
    ($($t:ty: $base:literal),*) => {$(
        impl Show for $t {
            fn show(&self, _: Lang) -> String {
                self.to_string()
            }
        }
        impl Sample for $t {
            fn sample(n: usize) -> Self {
                <$t>::try_from($base + n % 100).unwrap_or(<$t>::MAX)
            }
        }
    )*};
}
whole_numbers!(u8: 100, usize: 9000, u32: 9000, u64: 9000, i64: 9000);

/// A number written with the decimal separator of `lang`: "2.5" in English, "2,5" in
/// Vietnamese.
fn decimal_separator(english: &str, lang: Lang) -> String {
    match lang {
        Lang::En => english.to_string(),
        Lang::Vi => english.replace('.', ","),
    }
}

impl Show for f64 {
    fn show(&self, lang: Lang) -> String {
        decimal_separator(&self.to_string(), lang)
    }
}

impl Sample for f64 {
    fn sample(n: usize) -> Self {
        // Exact in binary, so the sample prints without rounding noise.
        f64::from(u32::try_from(n).unwrap_or(0)) + 7000.25
    }
}

impl Show for Decimal {
    fn show(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.vi().replace(',', "."),
            Lang::Vi => self.vi(),
        }
    }
}

impl Sample for Decimal {
    fn sample(n: usize) -> Self {
        Decimal::from_f64(f64::sample(n))
    }
}

/// A duration in seconds with two decimals: "0.03" / "0,03".
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Seconds(pub f64);

impl Show for Seconds {
    fn show(&self, lang: Lang) -> String {
        decimal_separator(&format!("{:.2}", self.0), lang)
    }
}

impl Sample for Seconds {
    fn sample(n: usize) -> Self {
        Seconds(f64::sample(n))
    }
}

/// Names or values listed one after another: "ke-hoach, bao-cao, cong-van".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List(pub Vec<String>);

impl List {
    pub fn of<T: ToString>(items: impl IntoIterator<Item = T>) -> List {
        List(items.into_iter().map(|item| item.to_string()).collect())
    }
}

impl Show for List {
    fn show(&self, _: Lang) -> String {
        self.0.join(", ")
    }
}

impl Sample for List {
    fn sample(n: usize) -> Self {
        List(vec![format!("‹item{n}a›"), format!("‹item{n}b›")])
    }
}

impl Show for Message {
    fn show(&self, lang: Lang) -> String {
        self.text(lang)
    }
}

impl<T: Show + ?Sized> Show for Box<T> {
    fn show(&self, lang: Lang) -> String {
        (**self).show(lang)
    }
}

impl<T: Sample> Sample for Box<T> {
    fn sample(n: usize) -> Self {
        Box::new(T::sample(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_the_decimal_separator_of_the_language() {
        assert_eq!(2.5_f64.show(Lang::En), "2.5");
        assert_eq!(2.5_f64.show(Lang::Vi), "2,5");
        assert_eq!(Seconds(0.031).show(Lang::Vi), "0,03");
        assert_eq!(Seconds(0.031).show(Lang::En), "0.03");
        assert_eq!(Decimal::from_f64(8.25).show(Lang::En), "8.25");
        assert_eq!(Decimal::from_f64(8.25).show(Lang::Vi), "8,25");
        assert_eq!(9000_usize.show(Lang::Vi), "9000");
    }

    #[test]
    fn user_data_is_shown_as_it_is_in_every_language() {
        let text = String::from("help error 1.5");
        assert_eq!(text.show(Lang::Vi), "help error 1.5");
        assert_eq!(List::of(["a.b", "c"]).show(Lang::Vi), "a.b, c");
    }
}
