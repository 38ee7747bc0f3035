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
use std::io::{self, Write};

/// How much a streaming writer gathers before it hands the text on. The compressor matches
/// less well across the ends of the pieces it is given; at 1 MiB a 13 MB part compresses
/// within 0.2 % of one whole write.
pub(super) const CHUNK: usize = 1024 * 1024;

/// What watches the text of word/document.xml while it is written: the paragraphs, tables,
/// rows and cells as a reader of the part would find them (`pull`'s provenance is built from
/// them at render, without reading the part back). The events are those of the elements'
/// names, so what is written and what is watched cannot disagree.
pub(crate) trait Outline {
    /// `<w:tbl>`
    fn start_table(&mut self);
    /// `</w:tbl>`
    fn end_table(&mut self);
    /// `<w:tr>`
    fn start_row(&mut self);
    /// `<w:tblHeader/>`: the row is a header row.
    fn header_row(&mut self);
    /// `</w:tr>`
    fn end_row(&mut self);
    /// `<w:tc>`
    fn start_cell(&mut self);
    /// `<w:gridSpan w:val="n"/>`
    fn span(&mut self, columns: usize);
    /// `</w:tc>`
    fn end_cell(&mut self);
    /// The text of a `<w:t>`, or a line break (`<w:br/>`) as `\n`.
    fn text(&mut self, text: &str);
    /// `</w:p>`
    fn end_paragraph(&mut self);
}

/// An XML part being written: into one growing string, or in chunks into a sink (the zip
/// entry's compressor), so that a long appendix is never held whole in memory.
pub(super) struct Xml<'w> {
    out: String,
    sink: Option<&'w mut dyn Write>,
    failed: Option<io::Error>,
    outline: Option<&'w mut dyn Outline>,
    /// Inside a `<w:t>`: what [`Xml::text`] writes is the paragraph's text.
    in_text: bool,
}

impl Xml<'static> {
    /// Starts a part held in memory, with the XML declaration.
    pub(super) fn with_capacity(bytes: usize) -> Xml<'static> {
        let mut out = String::with_capacity(bytes);
        out.push_str(declaration!());
        Xml {
            out,
            sink: None,
            failed: None,
            outline: None,
            in_text: false,
        }
    }
}

impl<'w> Xml<'w> {
    /// Starts a part written into `sink` as it goes, with the XML declaration.
    pub(super) fn streaming(sink: &'w mut dyn Write) -> Xml<'w> {
        let mut out = String::with_capacity(CHUNK + 4096);
        out.push_str(declaration!());
        Xml {
            out,
            sink: Some(sink),
            failed: None,
            outline: None,
            in_text: false,
        }
    }

    /// Like [`Xml::streaming`], telling `outline` the text as it is written.
    pub(super) fn watched(sink: &'w mut dyn Write, outline: &'w mut dyn Outline) -> Xml<'w> {
        let mut x = Xml::streaming(sink);
        x.outline = Some(outline);
        x
    }

    /// Hands a full chunk to the sink; the first failure is kept for [`Xml::finish`].
    fn spill(&mut self) {
        if self.out.len() < CHUNK || self.failed.is_some() {
            return;
        }
        if let Some(sink) = self.sink.as_mut() {
            if let Err(e) = sink.write_all(self.out.as_bytes()) {
                self.failed = Some(e);
            }
            self.out.clear();
        }
    }

    /// Writes what is left into the sink; the first failure of the whole part, if any.
    pub(super) fn finish(mut self) -> io::Result<()> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        match self.sink.take() {
            Some(sink) => sink.write_all(self.out.as_bytes()),
            None => Ok(()),
        }
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
    pub(super) fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.start(name, attributes);
        self.out.push('>');
        if let Some(o) = self.outline.as_mut() {
            match name {
                "w:t" => self.in_text = true,
                "w:tbl" => o.start_table(),
                "w:tr" => o.start_row(),
                "w:tc" => o.start_cell(),
                _ => {}
            }
        }
    }

    /// `</name>`
    pub(super) fn close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
        if let Some(o) = self.outline.as_mut() {
            match name {
                "w:t" => self.in_text = false,
                "w:p" => o.end_paragraph(),
                "w:tc" => o.end_cell(),
                "w:tr" => o.end_row(),
                "w:tbl" => o.end_table(),
                _ => {}
            }
        }
        self.spill();
    }

    /// `<name a="v"/>`
    pub(super) fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        self.start(name, attributes);
        self.out.push_str("/>");
        if let Some(o) = self.outline.as_mut() {
            match name {
                "w:tblHeader" => o.header_row(),
                "w:br" => o.text("\n"),
                "w:p" => o.end_paragraph(),
                "w:gridSpan" => {
                    let span = attributes.iter().find(|(k, _)| *k == "w:val");
                    o.span(span.and_then(|(_, v)| v.parse().ok()).unwrap_or(1));
                }
                _ => {}
            }
        }
    }

    /// `<name w:val="v"/>`, the shape of most WordprocessingML properties.
    pub(super) fn val(&mut self, name: &str, value: &str) {
        self.empty(name, &[("w:val", value)]);
    }

    /// Character data, escaped.
    pub(super) fn text(&mut self, text: &str) {
        self.out.push_str(&escape(text));
        if self.in_text {
            if let Some(o) = self.outline.as_mut() {
                o.text(text);
            }
        }
    }

    /// The part's bytes, when it was written in memory.
    pub(super) fn into_bytes(self) -> Vec<u8> {
        self.out.into_bytes()
    }
}

/// Escapes the XML special characters (quick-xml's escape: `&`, `<`, `>`, quotes, and `\r`).
/// Control characters were removed when the record was loaded (text module), so everything
/// else is valid XML character data as it is.
pub(super) fn escape(text: &str) -> Cow<'_, str> {
    if crate::text::has_any(text, b"&<>'\"\r") {
        quick_xml::escape::escape(text)
    } else {
        Cow::Borrowed(text)
    }
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
    fn a_streamed_part_is_the_same_text_in_chunks() {
        let draw = |x: &mut Xml<'_>| {
            for i in 0..150_000 {
                x.open("w:t", &[]);
                x.text(&format!("dòng {i} <&>"));
                x.close("w:t");
            }
        };
        let mut whole = Xml::with_capacity(0);
        draw(&mut whole);
        let mut sink = Vec::new();
        let mut streamed = Xml::streaming(&mut sink);
        draw(&mut streamed);
        streamed.finish().unwrap();
        assert!(sink.len() > 3 * CHUNK);
        assert_eq!(sink, whole.into_bytes());
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
