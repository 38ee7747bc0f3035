//! The block markup that templates produce, and its parser.
//!
//! Templates write one block per line, each line starting with a directive; record text only
//! ever appears after a directive, escaped by [`escape`], so it can never start a block, close
//! a table or inject emphasis. The result is [`Block`]s: a format-neutral document body that
//! the layout numbers and places.
//!
//! ```text
//! @h1 Mục đích, yêu cầu        section "I. MỤC ĐÍCH, YÊU CẦU" (number and case computed)
//! @h2 Mục đích                 sub-section "1. Mục đích", bold
//! @h3 Chỉ tiêu                 điểm "a) Chỉ tiêu", bold
//! @sub Tiêu chí 1.2            a heading one level below the section it is in ("1." under
//!                              "I.", "a)" under "1."), for headings a template generates
//! @k Giao Văn phòng …          khoản without title: "1. Giao Văn phòng …", upright
//! @p Text with **bold** and *italic*
//! @- A dash point              "- A dash point"
//! @+ A plus point              "+ A plus point"
//! @note (Có Phụ lục kèm theo)  centred italic line
//! @table ~8 ~52 13 14 13       a table; numbers are relative column widths, kept as given;
//!                              "~" marks a default the layout sizes to the column's text
//! @row header                  a row: header | body | group | total
//! @cell center bold | TT       a cell: left|center|right, bold, span=N, merge (starts a
//!                              vertical merge), cont (merged into the cell above); "|", text
//! @end                         end of the table
//! ```
//!
//! A heading never skips a level: "@h3" straight after "@h1" is refused at its line.
//!
//! In text, `\*` is a literal star, `\\` a backslash and `\n` a new line (a new paragraph
//! inside a table cell); which stars are emphasis is [`crate::inline`]'s rule.

use crate::inline::parse_inline;
use crate::messages::Run;
use crate::model::{Align, Block, Cell, Merge, Row, RowKind, Table};

/// A markup problem: the template produced something the parser cannot read.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkupError {
    /// 1-based line of the rendered markup.
    pub line: usize,
    pub problem: Run,
    pub text: String,
}

/// Escapes record text so that it is read back literally by [`parse`].
pub(crate) fn escape(text: &str) -> String {
    // Most record text has none of these: it is copied as it is.
    if !crate::text::has_any(text, b"\\*\n\r") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '*' => out.push_str("\\*"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Parses rendered markup into blocks.
pub(crate) fn parse(markup: &str) -> Result<Vec<Block>, MarkupError> {
    let mut blocks = Vec::new();
    let mut table: Option<Table> = None;
    // Level of the last heading a template placed explicitly (@h1–@h3, @k); 0 before any.
    let mut depth = 0u8;
    for (index, raw) in markup.lines().enumerate() {
        let line = raw.trim_start();
        if line.trim().is_empty() {
            continue;
        }
        let err = |problem: Run| MarkupError {
            line: index + 1,
            problem,
            text: raw.to_string(),
        };
        let (directive, rest) = line.split_once(' ').unwrap_or((line, ""));
        match (directive, table.as_mut()) {
            ("@table", None) => {
                // "~7": a default share the layout may size to what the column holds.
                let columns: Result<Vec<(u32, bool)>, _> = rest
                    .split_whitespace()
                    .map(|w| match w.strip_prefix('~') {
                        Some(default) => default.parse().map(|w| (w, false)),
                        None => w.parse().map(|w| (w, true)),
                    })
                    .collect();
                let columns = columns.map_err(|_| err(Run::MarkupTableWidths))?;
                if columns.is_empty() || columns.iter().any(|(w, _)| *w == 0) {
                    return Err(err(Run::MarkupTableNoWidths));
                }
                table = Some(Table {
                    widths: columns.iter().map(|(w, _)| *w).collect(),
                    given: columns.iter().map(|(_, given)| *given).collect(),
                    rows: Vec::new(),
                });
            }
            ("@row", Some(t)) => {
                let kind = match rest.trim() {
                    "" | "body" => RowKind::Body,
                    "header" => RowKind::Header,
                    "group" => RowKind::Group,
                    "total" => RowKind::Total,
                    _ => return Err(err(Run::MarkupRowKind)),
                };
                t.rows.push(Row {
                    kind,
                    cells: Vec::new(),
                });
            }
            ("@cell", Some(t)) => {
                let (attrs, text) = rest
                    .split_once('|')
                    .ok_or_else(|| err(Run::MarkupCellBar))?;
                let cell =
                    parse_cell(attrs, text.strip_prefix(' ').unwrap_or(text)).map_err(err)?;
                let row = t
                    .rows
                    .last_mut()
                    .ok_or_else(|| err(Run::MarkupCellBeforeRow))?;
                row.cells.push(cell);
            }
            ("@end", Some(_)) => {
                let t = table.take().unwrap_or_else(|| unreachable!("matched Some"));
                check_table(&t).map_err(err)?;
                blocks.push(Block::Table(t));
            }
            (_, Some(_)) => return Err(err(Run::MarkupInsideTable)),
            ("@sub", None) => {
                if depth >= 3 {
                    return Err(err(Run::MarkupFourthLevel));
                }
                blocks.push(Block::Heading {
                    level: depth + 1,
                    text: parse_inline(rest),
                });
            }
            (_, None) => {
                let block =
                    text_block(directive, rest).ok_or_else(|| err(Run::MarkupUnknownDirective))?;
                let level = match &block {
                    Block::Heading { level, .. } => Some(*level),
                    Block::Khoan(_) => Some(2),
                    _ => None,
                };
                if let Some(level) = level {
                    if level > depth + 1 {
                        return Err(err(Run::MarkupSkippedLevel {
                            level,
                            depth,
                            next: depth + 1,
                        }));
                    }
                    depth = level;
                }
                blocks.push(block);
            }
        }
    }
    if table.is_some() {
        return Err(MarkupError {
            line: markup.lines().count(),
            problem: Run::MarkupTableNotClosed,
            text: String::new(),
        });
    }
    Ok(blocks)
}

fn text_block(directive: &str, rest: &str) -> Option<Block> {
    let inline = parse_inline(rest);
    Some(match directive {
        "@h1" => Block::Heading {
            level: 1,
            text: inline,
        },
        "@h2" => Block::Heading {
            level: 2,
            text: inline,
        },
        "@h3" => Block::Heading {
            level: 3,
            text: inline,
        },
        "@k" => Block::Khoan(inline),
        "@p" => Block::Paragraph(inline),
        "@-" => Block::Dash(inline),
        "@+" => Block::Plus(inline),
        "@note" => Block::Note(inline),
        _ => return None,
    })
}

fn parse_cell(attrs: &str, text: &str) -> Result<Cell, Run> {
    let mut cell = Cell {
        align: Align::Left,
        bold: false,
        span: 1,
        merge: Merge::None,
        text: parse_inline(text),
    };
    for attr in attrs.split_whitespace() {
        match attr {
            "left" => cell.align = Align::Left,
            "center" => cell.align = Align::Center,
            "right" => cell.align = Align::Right,
            "justify" => cell.align = Align::Justify,
            "bold" => cell.bold = true,
            "merge" => cell.merge = Merge::Start,
            "cont" => cell.merge = Merge::Continue,
            _ => {
                let n = attr
                    .strip_prefix("span=")
                    .and_then(|n| n.parse().ok())
                    .filter(|n| *n >= 1);
                cell.span = n.ok_or_else(|| Run::MarkupCellAttribute {
                    attribute: attr.to_string(),
                })?;
            }
        }
    }
    Ok(cell)
}

fn check_table(table: &Table) -> Result<(), Run> {
    for (i, row) in table.rows.iter().enumerate() {
        let used: usize = row.cells.iter().map(|c| c.span).sum();
        if used != table.widths.len() {
            return Err(Run::MarkupRowWidth {
                row: i + 1,
                used,
                columns: table.widths.len(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::model::text;

    #[test]
    fn plain_text_escapes_to_itself() {
        assert_eq!(escape("Kế hoạch – 2021"), "Kế hoạch – 2021");
        assert_eq!(escape("a*b\\\r\n"), "a\\*b\\\\\\n");
    }

    #[test]
    fn escaped_record_text_reads_back_literally() {
        for hostile in [
            "{{ x }}",
            "<w:p>",
            "a & b",
            "# heading",
            "- dash",
            "@h1 x",
            "**not bold**",
            "a\\b",
            "| pipe",
        ] {
            let markup = format!("@p {}", escape(hostile));
            let blocks = parse(&markup).unwrap();
            assert_eq!(blocks, [Block::Paragraph(vec![text(hostile)])], "{hostile}");
        }
    }

    #[test]
    fn newline_in_record_text_stays_inside_its_block() {
        let blocks = parse(&format!("@- {}", escape("one\n@h1 two"))).unwrap();
        assert_eq!(
            blocks,
            [Block::Dash(vec![text("one"), Span::Break, text("@h1 two")])]
        );
    }

    #[test]
    fn a_tilde_marks_a_width_the_layout_may_size() {
        let blocks =
            parse("@table ~7 ~53 13\n@row\n@cell | a\n@cell | b\n@cell | c\n@end\n").unwrap();
        let Block::Table(t) = &blocks[0] else {
            panic!("not a table")
        };
        assert_eq!(t.widths, [7, 53, 13]);
        assert_eq!(t.given, [false, false, true]);
        assert!(parse("@table ~0 1\n@end\n").is_err());
        assert!(parse("@table ~ 1\n@end\n").is_err());
    }

    #[test]
    fn tables_parse_and_check_their_width() {
        let markup = "@table 1 3\n@row header\n@cell center bold | TT\n@cell | Nội dung\n@row group\n@cell span=2 bold | I\n@end\n";
        let blocks = parse(markup).unwrap();
        let Block::Table(t) = &blocks[0] else {
            panic!("not a table")
        };
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].cells[0].span, 2);
        let bad = parse("@table 1 3\n@row\n@cell | x\n@end").unwrap_err();
        assert_eq!(
            bad.problem,
            Run::MarkupRowWidth {
                row: 1,
                used: 1,
                columns: 2
            }
        );
    }

    #[test]
    fn unknown_directive_names_its_line() {
        let e = parse("@p ok\nstray text").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(
            parse("@table 1\n@row\n@cell | x").unwrap_err().problem,
            Run::MarkupTableNotClosed
        );
    }

    #[test]
    fn a_heading_that_skips_a_level_is_refused_at_its_line() {
        let e = parse("@h1 I\n@p x\n@h3 a").unwrap_err();
        assert_eq!(e.line, 3);
        assert_eq!(
            e.problem,
            Run::MarkupSkippedLevel {
                level: 3,
                depth: 1,
                next: 2
            }
        );
        assert!(parse("@h1 I\n@k x\n@h3 a").is_ok());
        assert!(parse("@h1 a\n@h2 b\n@h3 c\n@sub d").is_err());
    }
}
