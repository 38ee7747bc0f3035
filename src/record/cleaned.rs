//! Record text as every later stage receives it: cleaned once, where the record is read.
//!
//! Loading normalises the whole file to NFC; what remains is a character that XML cannot
//! carry (a control character written as an escape, U+FFFE, U+FFFF), which would make Word
//! refuse the file. A [`Text`] can only be made by cleaning, so no stage cleans again and no
//! stage can forget to.

use std::fmt;
use std::ops::Deref;

/// Text from a record, NFC and free of characters XML cannot carry.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(String);

impl Text {
    /// Cleans `text` (see [`crate::text::clean`]).
    pub fn new(text: &str) -> Text {
        Text(crate::text::clean(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the text has nothing but white space.
    pub fn is_blank(&self) -> bool {
        self.0.trim().is_empty()
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Text> for String {
    fn from(text: Text) -> String {
        text.0
    }
}

impl<'de> serde::Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(deserializer)?;
        Ok(Text::new(&raw))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cleaned_when_made() {
        assert_eq!(Text::new("a\u{7}b\u{FFFF}").as_str(), "ab");
        assert_eq!(Text::new("Vie\u{302}\u{323}t").as_str(), "Việt");
        assert!(Text::new(" \t").is_blank());
    }
}
