//! The units a document is compared in: each body paragraph, and each table cell (its
//! paragraphs joined by line breaks), in document order, by their text alone. Runs, styles
//! and how an editor split the text do not matter. `read` fills them, from vanban's own
//! document at render and from an edited one at `pull`, with the same code.

use std::borrow::Cow;

/// `text` as units and record strings are compared: a no-break space (U+00A0) is a space.
/// vanban glues a title's last two words with one (`text::glue_last_word`), Word puts them
/// where a clerk types Ctrl+Shift+Space, and a reader sees a space either way; a record
/// string must still be found in its title, and an edit there brings plain spaces back.
pub(crate) fn spaced<'a>(text: impl Into<Cow<'a, str>>) -> Cow<'a, str> {
    let text = text.into();
    // U+00A0 is the bytes C2 A0; C2 leads only Latin-1 signs, rare in Vietnamese, and a byte
    // is found far faster than a character beyond ASCII ("à" ends in A0 too).
    if text.as_bytes().contains(&0xC2) && text.contains('\u{a0}') {
        Cow::Owned(text.replace('\u{a0}', " "))
    } else {
        text
    }
}

/// Where a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Paragraph,
    /// A cell of the `table`-th table (0-based, in document order), at `row` and grid
    /// `column`; `header` for the header rows repeated on every page.
    Cell {
        table: usize,
        row: usize,
        column: usize,
        header: bool,
    },
}

impl Place {
    pub(crate) fn is_cell(self) -> bool {
        matches!(self, Place::Cell { .. })
    }
}

/// One paragraph or cell and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unit {
    pub place: Place,
    pub text: String,
}

/// Collects units while a reader walks a document: paragraphs outside tables, cells of the
/// outermost tables (a nested table's text joins the cell it is in). Empty units are left
/// out: an editor adds and drops empty paragraphs freely.
#[derive(Debug, Default)]
pub(crate) struct Collector {
    pub units: Vec<Unit>,
    depth: usize,
    tables: usize,
    row: usize,
    column: usize,
    header: bool,
    paragraph: String,
    cell: Option<String>,
    cell_column: usize,
}

impl Collector {
    pub(crate) fn start_table(&mut self) {
        self.depth += 1;
        if self.depth == 1 {
            self.row = 0;
        }
    }

    pub(crate) fn end_table(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        if self.depth == 0 {
            self.tables += 1;
        }
    }

    pub(crate) fn start_row(&mut self) {
        if self.depth == 1 {
            self.column = 0;
            self.header = false;
        }
    }

    /// The row being read is a header row (`w:tblHeader`).
    pub(crate) fn header_row(&mut self) {
        if self.depth == 1 {
            self.header = true;
        }
    }

    pub(crate) fn end_row(&mut self) {
        if self.depth == 1 {
            self.row += 1;
        }
    }

    pub(crate) fn start_cell(&mut self) {
        if self.depth == 1 {
            self.cell = Some(String::new());
            self.cell_column = self.column;
            self.column += 1;
        }
    }

    /// The cell being read spans `span` grid columns (`w:gridSpan`).
    pub(crate) fn span(&mut self, span: usize) {
        if self.depth == 1 {
            self.column += span.saturating_sub(1);
        }
    }

    pub(crate) fn end_cell(&mut self) {
        if self.depth != 1 {
            return;
        }
        if let Some(text) = self.cell.take() {
            let text = text.trim_end_matches('\n').to_string();
            if !text.trim().is_empty() {
                self.units.push(Unit {
                    place: Place::Cell {
                        table: self.tables,
                        row: self.row,
                        column: self.cell_column,
                        header: self.header,
                    },
                    text,
                });
            }
        }
    }

    pub(crate) fn text(&mut self, text: &str) {
        self.paragraph.push_str(&spaced(text));
    }

    pub(crate) fn end_paragraph(&mut self) {
        let text = std::mem::take(&mut self.paragraph);
        match self.cell.as_mut() {
            Some(cell) => {
                if !cell.is_empty() {
                    cell.push('\n');
                }
                cell.push_str(&text);
            }
            None if self.depth == 0 && !text.trim().is_empty() => self.units.push(Unit {
                place: Place::Paragraph,
                text,
            }),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_no_break_space_compares_as_a_space_and_other_text_is_not_copied() {
        assert_eq!(spaced("năm\u{a0}2021 và\u{a0}sau"), "năm 2021 và sau");
        // "à" ends with the byte 0xA0 of U+00A0's encoding: it is no space.
        assert!(matches!(spaced("Hà Tĩnh"), Cow::Borrowed("Hà Tĩnh")));
        assert!(matches!(spaced(String::from("a")), Cow::Owned(s) if s == "a"));
    }

    #[test]
    fn a_paragraph_is_collected_with_plain_spaces() {
        let mut units = Collector::default();
        units.text("Kế hoạch năm");
        units.text("\u{a0}2021");
        units.end_paragraph();
        assert_eq!(units.units[0].text, "Kế hoạch năm 2021");
    }
}
