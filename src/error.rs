//! Errors a clerk can act on: every problem names the file, line and column, shows the line
//! with the spot underlined, and says what to do.
//!
//! Stages return [`Error`]; only the command line (`cli`) prints it. Record problems carry a
//! byte span into the source text so that problems found after parsing still point at the
//! right line. Messages are typed ([`Message`]) and shown in the clerk's language;
//! `check --format json` gives them in English with their codes.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::messages::{self, Lang, Message, Run};

/// Where in a source file a problem is, plus the text to show it in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    /// The line, or for a long line the part of it around the column, marked "…" where cut.
    pub source_line: String,
    /// Where the underline starts in `source_line` (1-based characters).
    pub snippet_column: u32,
    pub width: u32,
}

/// Lines longer than this many characters are shown cut around the column.
const SNIPPET_WIDTH: usize = 100;
/// Characters of a cut line shown before the column.
const SNIPPET_BEFORE: usize = 30;

impl Location {
    /// Turns a byte span of `source` into a 1-based line and column (columns count characters).
    pub fn from_span(path: &Path, source: &str, span: std::ops::Range<usize>) -> Location {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.min(source.len())).max(start);
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        let line = source[..start].matches('\n').count() + 1;
        let column = source[line_start..start].chars().count() + 1;
        let line_chars: Vec<char> = source[line_start..line_end]
            .trim_end_matches('\r')
            .chars()
            .map(visible)
            .collect();
        let width = source[start..end.min(line_end)].chars().count().max(1);
        let (source_line, snippet_column, width) = snippet(&line_chars, column, width);
        // Both are at most SNIPPET_WIDTH + 1 once cut; small fields keep `Error` small.
        let small = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let (snippet_column, width) = (small(snippet_column), small(width));
        Location {
            path: path.to_path_buf(),
            line,
            column,
            source_line,
            snippet_column,
            width,
        }
    }
}

/// The part of a line shown under a message: the whole line when it is short, else a window
/// of [`SNIPPET_WIDTH`] characters around `column`, so one error on a 1 MB line prints a line,
/// not a megabyte. Returns the text, the column within it and the underline width.
fn snippet(line: &[char], column: usize, width: usize) -> (String, usize, usize) {
    if line.len() <= SNIPPET_WIDTH {
        return (line.iter().collect(), column, width);
    }
    let from = (column - 1).saturating_sub(SNIPPET_BEFORE).min(line.len());
    let to = (from + SNIPPET_WIDTH).min(line.len());
    let mut text = String::new();
    if from > 0 {
        text.push('…');
    }
    text.extend(&line[from..to]);
    if to < line.len() {
        text.push('…');
    }
    let snippet_column = column - from + usize::from(from > 0);
    let width = width.min(to.saturating_sub(column - 1)).max(1);
    (text, snippet_column, width)
}

/// Control characters shown as their Unicode control pictures (U+0007 → ␇) so that the
/// underline lands on something the clerk can see.
fn visible(c: char) -> char {
    match u32::from(c) {
        code @ 0..=0x1f if c != '\t' => char::from_u32(0x2400 + code).unwrap_or('?'),
        0x7f => '␡',
        _ => c,
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Everything that can stop a render.
#[derive(Debug, Clone)]
pub enum Error {
    /// A record (or template) with a problem at a known place.
    Source {
        location: Location,
        message: Box<Message>,
        help: Option<Box<Message>>,
    },
    /// A file-level problem with no line to point at (unreadable, not UTF-8, not found).
    File {
        path: PathBuf,
        message: Box<Message>,
        help: Option<Box<Message>>,
    },
    /// Writing an output failed; the previous output, if any, is intact.
    Output { path: PathBuf, cause: Box<Message> },
}

impl Error {
    /// A problem at a place in a source file.
    pub fn located(location: Location, message: impl Into<Message>) -> Error {
        Error::Source {
            location,
            message: Box::new(message.into()),
            help: None,
        }
    }

    /// A problem with a whole file (or a path named on the command line).
    pub fn about(path: &Path, message: impl Into<Message>) -> Error {
        Error::File {
            path: path.to_path_buf(),
            message: Box::new(message.into()),
            help: None,
        }
    }

    /// Writing `path` failed because of `cause`.
    pub fn output(path: &Path, cause: impl Into<Message>) -> Error {
        Error::Output {
            path: path.to_path_buf(),
            cause: Box::new(cause.into()),
        }
    }

    /// Writing `path` failed; the operating system said `e`.
    pub fn output_io(path: &Path, e: &std::io::Error) -> Error {
        Error::output(path, Run::io(e))
    }

    /// The same problem with a line saying what to do.
    #[must_use]
    pub fn help(mut self, what_to_do: impl Into<Message>) -> Error {
        match &mut self {
            Error::Source { help, .. } | Error::File { help, .. } => {
                *help = Some(Box::new(what_to_do.into()));
            }
            Error::Output { .. } => {}
        }
        self
    }

    /// The main message (for an output failure: "cannot write …: cause").
    pub fn message(&self) -> Message {
        match self {
            Error::Source { message, .. } | Error::File { message, .. } => (**message).clone(),
            Error::Output { path, cause } => Run::CannotWrite {
                path: path.clone(),
                cause: cause.clone(),
            }
            .into(),
        }
    }

    /// The error as printed, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let label = Run::LabelError.text(lang);
        match self {
            Error::Source {
                location,
                message,
                help,
            } => located(lang, &label, location, message, help.as_deref()),
            Error::File {
                path,
                message,
                help,
            } => {
                let mut text = format!("{label}: {}: {}", path.display(), message.text(lang));
                if let Some(help) = help {
                    let help_label = Run::LabelHelp.text(lang);
                    text.push_str(&format!("\n  = {help_label}: {}", help.text(lang)));
                }
                text
            }
            Error::Output { .. } => format!("{label}: {}", self.message().text(lang)),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(messages::current()))
    }
}

impl std::error::Error for Error {}

/// One problem as data, for `vanban check --format json`: in English, for scripts, with the
/// message's stable code.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: &'static str,
    pub code: &'static str,
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub help: Option<String>,
}

impl Error {
    pub fn diagnostic(&self) -> Diagnostic {
        let (file, line, column, help) = match self {
            Error::Source { location, help, .. } => (
                &location.path,
                Some(location.line),
                Some(location.column),
                help.as_deref(),
            ),
            Error::File { path, help, .. } => (path, None, None, help.as_deref()),
            Error::Output { path, .. } => (path, None, None, None),
        };
        let message = self.message();
        Diagnostic {
            severity: "error",
            code: message.code(),
            file: file.display().to_string(),
            line,
            column,
            message: message.text(Lang::En),
            help: help.map(|h| h.text(Lang::En)),
        }
    }
}

impl Warning {
    pub fn diagnostic(&self) -> Diagnostic {
        Diagnostic {
            severity: "warning",
            code: self.message.code(),
            file: self.location.path.display().to_string(),
            line: Some(self.location.line),
            column: Some(self.location.column),
            message: self.message.text(Lang::En),
            help: None,
        }
    }

    /// The warning as printed, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let label = Run::LabelWarning.text(lang);
        located(lang, &label, &self.location, &self.message, None)
    }
}

/// A problem that does not stop the render, shown with its place like an error.
#[derive(Debug, Clone, PartialEq)]
pub struct Warning {
    pub location: Location,
    pub message: Message,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(messages::current()))
    }
}

/// The shared layout of errors and warnings: message, place, the line with the spot
/// underlined, then what to do.
fn located(
    lang: Lang,
    label: &str,
    l: &Location,
    message: &Message,
    help: Option<&Message>,
) -> String {
    let gutter = l.line.to_string().len();
    let pad = " ".repeat(l.snippet_column.saturating_sub(1) as usize);
    let mut text = format!(
        "{label}: {}\n{:gutter$}--> {}:{}:{}\n{:gutter$} |\n{} | {}\n{:gutter$} | {pad}{}",
        message.text(lang),
        "",
        l.path.display(),
        l.line,
        l.column,
        "",
        l.line,
        l.source_line,
        "",
        "^".repeat(l.width as usize)
    );
    if let Some(help) = help {
        let help_label = Run::LabelHelp.text(lang);
        text.push_str(&format!(
            "\n{:gutter$} = {help_label}: {}",
            "",
            help.text(lang)
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_becomes_line_and_character_column() {
        let source = "a = 1\nngày = \"x\"\n";
        let start = source.find("\"x\"").unwrap();
        let loc = Location::from_span(Path::new("p.toml"), source, start..start + 3);
        assert_eq!((loc.line, loc.column, loc.width), (2, 8, 3));
        assert_eq!(loc.source_line, "ngày = \"x\"");
    }

    #[test]
    fn a_long_line_is_cut_around_the_column() {
        let source = format!(
            "ten = \"{}\u{7}{}\"\n",
            "a".repeat(500_000),
            "b".repeat(500_000)
        );
        let start = source.find('\u{7}').unwrap();
        let loc = Location::from_span(Path::new("p.toml"), &source, start..start + 1);
        assert_eq!(loc.column, 500_008);
        assert_eq!(loc.source_line.chars().count(), SNIPPET_WIDTH + 2);
        let shown: String = loc
            .source_line
            .chars()
            .skip(loc.snippet_column as usize - 1)
            .take(2)
            .collect();
        assert_eq!(shown, "␇b");
        let text = Error::located(loc, messages::Check::InvalidDate).text(Lang::En);
        assert!(text.len() < 600, "{}", text.len());
    }

    #[test]
    fn display_underlines_the_spot() {
        let source = "so = -1\n";
        let loc = Location::from_span(Path::new("k.toml"), source, 5..7);
        let error = Error::located(loc, messages::Check::NumberOutOfRange { number: -1 })
            .help(messages::Check::NumbersFromOne);
        assert_eq!(
            error.text(Lang::En),
            "error: document number -1 is out of range\n --> k.toml:1:6\n  |\n1 | so = -1\n  |      ^^\n  = help: numbers run from 1 each year; remove `so` for an unnumbered draft"
        );
        assert_eq!(
            error.text(Lang::Vi),
            "lỗi: số văn bản -1 nằm ngoài phạm vi\n --> k.toml:1:6\n  |\n1 | so = -1\n  |      ^^\n  = gợi ý: số văn bản bắt đầu từ 1 mỗi năm; bỏ `so` nếu là dự thảo chưa có số"
        );
    }
}
