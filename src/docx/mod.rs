//! The only module that knows OOXML: turns a laid-out [`Document`] into the bytes of a valid,
//! deterministic .docx.
//!
//! [`document`] writes word/document.xml straight from the layout, in schema order. docx-rs
//! builds the small fixed parts (styles, settings, font table, the page-number headers);
//! [`schema`] puts their elements into ECMA-376 order, which docx-rs does not
//! (bokuweb/docx-rs#724); [`package`] writes the zip with fixed timestamps, our own document
//! properties and a theme. Each gap of docx-rs is fixed once, here, and tested.

mod document;
mod package;
mod schema;
mod styles;
mod tables;
mod xml;

pub use package::Properties;

use std::sync::{Arc, Mutex, PoisonError};

use docx_rs::{Docx, FieldCharType, Header, InstrPAGE, InstrText, Paragraph as WPara, Run};

use crate::layout::{Document, Sizes};
use package::FixedParts;
use styles::id;

/// Relationship ids of the two header parts every section shares: the page number, and the
/// empty first-page header that hides it on page 1 (nd30.md §2). docx-rs names the parts of
/// [`Docx::header`] and [`Docx::first_header`] so.
const PAGE_HEADER: &str = "rIdHeader1";
const FIRST_PAGE_HEADER: &str = "rIdHeader2";

/// Draws the document and returns the .docx bytes. An error here is a defect of vanban, not of
/// the record; it is reported rather than panicking.
pub fn write(document: &Document, properties: &Properties) -> Result<Vec<u8>, String> {
    let fixed = fixed_parts(&document.sizes)?;
    package::pack(&fixed, &document::write(document), properties)
}

/// The fixed parts of a size set, built once per process: a batch of a thousand plans would
/// otherwise build and normalise the same styles a thousand times.
fn fixed_parts(sizes: &Sizes) -> Result<Arc<FixedParts>, String> {
    static BUILT: Mutex<Vec<(Sizes, Arc<FixedParts>)>> = Mutex::new(Vec::new());
    let mut built = BUILT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((_, parts)) = built.iter().find(|(s, _)| s == sizes) {
        return Ok(Arc::clone(parts));
    }
    let docx = Docx::new()
        .styles(styles::styles(sizes))
        .header(page_number_header())
        .first_header(Header::new().add_paragraph(WPara::new().style(id::PAGE_NUMBER)))
        .build();
    let parts = Arc::new(FixedParts::new(&docx)?);
    built.push((*sizes, Arc::clone(&parts)));
    Ok(parts)
}

fn page_number_header() -> Header {
    let p = WPara::new()
        .style(id::PAGE_NUMBER)
        .add_run(Run::new().add_field_char(FieldCharType::Begin, false))
        .add_run(Run::new().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
        .add_run(Run::new().add_text("2"))
        .add_run(Run::new().add_field_char(FieldCharType::End, false));
    Header::new().add_paragraph(p)
}
