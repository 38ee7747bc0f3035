//! A minimal streaming XML writer for the parts that vary: word/document.xml and the style
//! sheet of a size set.
//!
//! The parts are written straight from the layout in ECMA-376 element order, rather than
//! through docx-rs's builder: building docx-rs's model, serialising it and parsing it back to
//! put elements in schema order took three quarters of the render time and most of the
//! memory for a large appendix (see the README's Benchmarks). Element and attribute
//! names here are literals of this crate; record text reaches XML only through [`escape`]
//! (here and in the document properties), so it can never become markup.

use std::borrow::Cow;

/// An XML part being written into one growing string.
pub struct Xml {
    out: String,
}

impl Xml {
    /// Starts a part with the XML declaration.
    pub fn with_capacity(bytes: usize) -> Xml {
        let mut out = String::with_capacity(bytes);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        Xml { out }
    }

    fn start(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attributes {
            self.out.push(' ');
            self.out.push_str(key);
            self.out.push_str("=\"");
            self.out.push_str(&escape(value));
            self.out.push('"');
        }
    }

    /// `<name a="v">`
    pub fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.start(name, attributes);
        self.out.push('>');
    }

    /// `</name>`
    pub fn close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// `<name a="v"/>`
    pub fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.start(name, attributes);
        self.out.push_str("/>");
    }

    /// `<name w:val="v"/>`, the shape of most WordprocessingML properties.
    pub fn val(&mut self, name: &str, value: &str) {
        self.empty(name, &[("w:val", value)]);
    }

    /// Character data, escaped.
    pub fn text(&mut self, text: &str) {
        self.out.push_str(&escape(text));
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.out.into_bytes()
    }
}

/// Escapes the XML special characters (quick-xml's escape: `&`, `<`, `>`, quotes, and `\r`).
/// Control characters were removed when the record was loaded (text module), so everything
/// else is valid XML character data as it is.
pub fn escape(text: &str) -> Cow<'_, str> {
    quick_xml::escape::escape(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: impl FnOnce(&mut Xml)) -> String {
        let mut xml = Xml::with_capacity(0);
        f(&mut xml);
        let s = String::from_utf8(xml.into_bytes()).unwrap();
        s.split_once('\n').unwrap().1.to_string()
    }

    #[test]
    fn markup_in_text_and_attributes_is_escaped() {
        let s = written(|x| {
            x.open("w:t", &[("a", "\"<'&>")]);
            x.text("<w:p> & {{ x }} 'q' \"d\"");
            x.close("w:t");
        });
        assert_eq!(
            s,
            "<w:t a=\"&quot;&lt;&apos;&amp;&gt;\">&lt;w:p&gt; &amp; {{ x }} &apos;q&apos; &quot;d&quot;</w:t>"
        );
    }

    #[test]
    fn vietnamese_text_passes_through_unchanged() {
        let s = written(|x| x.text("Cộng hòa xã hội chủ nghĩa Việt Nam"));
        assert_eq!(s, "Cộng hòa xã hội chủ nghĩa Việt Nam");
    }

    #[test]
    fn empty_and_value_elements() {
        let s = written(|x| {
            x.empty("w:b", &[]);
            x.val("w:jc", "center");
        });
        assert_eq!(s, "<w:b/><w:jc w:val=\"center\"/>");
    }
}
