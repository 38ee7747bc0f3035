//! The typed content of a document, shared by every stage after the record: body blocks
//! and tables with their rows and cells (spans, vertical merges, alignment, header rows).
//!
//! Templates produce body blocks through the block markup (`blocks`); appendix tables are
//! built here directly by `derive`, cell by cell, and never pass through text. `layout`
//! numbers and places these values and `docx` writes them; neither knows where they came from.

/// A run of text with its emphasis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    Text {
        text: String,
        bold: bool,
        italic: bool,
    },
    Break,
}

/// Inline text: spans in order.
pub(crate) type Inline = Vec<Span>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Header,
    Body,
    Group,
    Total,
}

/// Vertical merging of a cell with the ones below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Merge {
    None,
    /// First cell of a vertically merged run.
    Start,
    /// Merged into the cell above.
    Continue,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub align: Align,
    pub bold: bool,
    pub span: usize,
    pub merge: Merge,
    pub text: Inline,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// Relative column widths.
    pub widths: Vec<u32>,
    /// For each column, whether its width was given (by the record or a template) and is
    /// kept, or is only a default the layout may size to the column's content.
    pub given: Vec<bool>,
    pub rows: Vec<Row>,
}

/// One block of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block {
    Heading { level: u8, text: Inline },
    Khoan(Inline),
    Paragraph(Inline),
    Dash(Inline),
    Plus(Inline),
    Note(Inline),
    Table(Table),
}

/// A span of plain text, for tests.
#[cfg(test)]
pub(crate) fn text(t: &str) -> Span {
    Span::Text {
        text: t.into(),
        bold: false,
        italic: false,
    }
}

/// Plain text of inline spans (breaks become newlines).
pub(crate) fn plain(inline: &Inline) -> String {
    inline
        .iter()
        .map(|s| match s {
            Span::Text { text, .. } => text.as_str(),
            Span::Break => "\n",
        })
        .collect()
}

/// Inline text of one plain span, as it is; none for empty text.
pub(crate) fn one_span(text: String) -> Inline {
    if text.is_empty() {
        return Vec::new();
    }
    vec![Span::Text {
        text,
        bold: false,
        italic: false,
    }]
}

/// Inline text from plain record text: no emphasis, a line break at each newline (a new
/// paragraph inside a table cell); carriage returns are dropped. Text of one line (most
/// cells) becomes its one span as it is.
pub(crate) fn plain_inline(text: String) -> Inline {
    if !crate::text::has_any(&text, b"\n\r") {
        return one_span(text);
    }
    let mut spans = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            spans.push(Span::Break);
        }
        let line = line.replace('\r', "");
        if !line.is_empty() {
            spans.push(Span::Text {
                text: line,
                bold: false,
                italic: false,
            });
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_every_character_and_breaks_at_newlines() {
        assert_eq!(plain_inline(String::new()), Vec::<Span>::new());
        assert_eq!(plain_inline("Quý I".into()), [text("Quý I")]);
        assert_eq!(plain_inline("Quý\rI".into()), [text("QuýI")]);
        assert_eq!(
            plain_inline("a **b**\r\n\nc\\".into()),
            vec![text("a **b**"), Span::Break, Span::Break, text("c\\")]
        );
        assert_eq!(plain(&plain_inline("x\ny".into())), "x\ny");
    }
}
