//! Paragraphs and runs, the pieces every part of the body is made of: paragraph properties
//! beside the named style, runs with their emphasis, and the short rules drawn as bottom
//! borders. Shared by the document's paragraphs and the cells of its tables.

use super::styles::id;
use super::xml::Xml;
use crate::layout::Rule;
use crate::model::{Align, Span};

/// Paragraph properties vanban sets beside the style, in schema order when written.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct ParaProps<'a> {
    pub style: &'a str,
    pub keep_next: bool,
    /// A bottom border: the short rules under headings of the header block and title.
    pub bottom_border: bool,
    /// Space before in twips, single line spacing and nothing after.
    pub space_before: Option<u32>,
    /// Left and right indent in twips.
    pub indent: Option<(u32, u32)>,
    pub align: Option<Align>,
}

impl<'a> ParaProps<'a> {
    pub(super) fn style(style: &'a str) -> ParaProps<'a> {
        ParaProps {
            style,
            ..ParaProps::default()
        }
    }
}

fn jc(align: Align) -> &'static str {
    match align {
        Align::Left => "left",
        Align::Center => "center",
        Align::Right => "right",
        Align::Justify => "both",
    }
}

/// `w:pPr`; `last` writes its last child (the properties of a section this paragraph ends).
pub(super) fn paragraph_properties(x: &mut Xml, p: &ParaProps<'_>, last: impl FnOnce(&mut Xml)) {
    x.open("w:pPr", &[]);
    x.val("w:pStyle", p.style);
    if p.keep_next {
        x.empty("w:keepNext", &[]);
    }
    if p.bottom_border {
        x.open("w:pBdr", &[]);
        let bottom = [
            ("w:val", "single"),
            ("w:sz", "6"),
            ("w:space", "0"),
            ("w:color", "000000"),
        ];
        x.empty("w:bottom", &bottom);
        x.close("w:pBdr");
    }
    if let Some(before) = p.space_before {
        let before = before.to_string();
        let spacing = [
            ("w:before", before.as_str()),
            ("w:after", "0"),
            ("w:line", "240"),
            ("w:lineRule", "auto"),
        ];
        x.empty("w:spacing", &spacing);
    }
    if let Some((left, right)) = p.indent {
        let (left, right) = (left.to_string(), right.to_string());
        x.empty("w:ind", &[("w:left", &left), ("w:right", &right)]);
    }
    if let Some(align) = p.align {
        x.val("w:jc", jc(align));
    }
    last(x);
    x.close("w:pPr");
}

/// One run of text; `xml:space` keeps the spaces of "Số:      /KH-SNV".
pub(super) fn run(x: &mut Xml, text: &str, bold: bool, italic: bool) {
    x.open("w:r", &[]);
    if bold || italic {
        x.open("w:rPr", &[]);
        if bold {
            x.empty("w:b", &[]);
            x.empty("w:bCs", &[]);
        }
        if italic {
            x.empty("w:i", &[]);
            x.empty("w:iCs", &[]);
        }
        x.close("w:rPr");
    }
    x.open("w:t", &[("xml:space", "preserve")]);
    x.text(text);
    x.close("w:t");
    x.close("w:r");
}

/// The spans as runs; `all_bold` makes every run bold (header, group and total rows).
pub(super) fn spans(x: &mut Xml, inline: &[Span], all_bold: bool) {
    for span in inline {
        match span {
            Span::Text { text, bold, italic } => run(x, text, *bold || all_bold, *italic),
            Span::Break => {
                x.open("w:r", &[]);
                x.empty("w:br", &[]);
                x.close("w:r");
            }
        }
    }
}

/// A paragraph whose content `content` writes.
pub(super) fn paragraph(x: &mut Xml, p: &ParaProps<'_>, content: impl FnOnce(&mut Xml)) {
    x.open("w:p", &[]);
    paragraph_properties(x, p, |_| {});
    content(x);
    x.close("w:p");
}

/// A paragraph of one plain run in a named style (or no run when `text` is empty).
pub(super) fn styled(x: &mut Xml, style: &str, text: &str) {
    paragraph(x, &ParaProps::style(style), |x| {
        if !text.is_empty() {
            run(x, text, false, false);
        }
    });
}

/// An empty paragraph whose bottom border draws a rule of the given length, centred.
pub(super) fn rule(x: &mut Xml, r: Rule) {
    let p = ParaProps {
        bottom_border: true,
        indent: Some((r.indent, r.indent)),
        ..ParaProps::style(id::RULE)
    };
    paragraph(x, &p, |_| {});
}
