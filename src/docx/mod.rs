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

use docx_rs::{Docx, FieldCharType, Header, InstrPAGE, InstrText, Paragraph as WPara, Run};

use crate::layout::Document;
use styles::id;

/// Relationship ids of the two header parts every section shares: the page number, and the
/// empty first-page header that hides it on page 1 (nd30.md §2). docx-rs names the parts of
/// [`Docx::header`] and [`Docx::first_header`] so.
const PAGE_HEADER: &str = "rIdHeader1";
const FIRST_PAGE_HEADER: &str = "rIdHeader2";

/// Draws the document and returns the .docx bytes. An error here is a defect of vanban, not of
/// the record; it is reported rather than panicking.
pub fn write(document: &Document, properties: &Properties) -> Result<Vec<u8>, String> {
    let fixed_parts = Docx::new()
        .styles(styles::styles(&document.sizes))
        .header(page_number_header())
        .first_header(Header::new().add_paragraph(WPara::new().style(id::PAGE_NUMBER)))
        .build();
    package::pack(&fixed_parts, document::write(document), properties)
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
