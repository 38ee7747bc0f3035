//! vanban renders Vietnamese administrative documents (Kế hoạch, Báo cáo, Phụ lục) from TOML
//! records into Word files laid out as Decree 30/2020/NĐ-CP requires.
//!
//! Pipeline, one module per stage:
//! `record` (load, check) → `derive` (computed view) → `template` (Tera → block markup) →
//! `blocks` (markup → blocks) → `layout` (ND30 page model) → `docx` (bytes) → `output` (files).

pub mod blocks;
pub mod cli;
pub mod derive;
pub mod docx;
pub mod error;
pub mod layout;
pub mod output;
pub mod record;
pub mod template;
pub mod text;

use std::path::Path;

use error::Error;
use template::Templates;

/// Renders one record into .docx bytes. Nothing is written to disk.
pub fn render(record_path: &Path, templates: &Templates) -> Result<Vec<u8>, Error> {
    let loaded = record::load(record_path)?;
    if !templates.supports(loaded.kind.code) {
        return Err(Error::file(
            record_path,
            format!("vanban has no template for `{}` yet", loaded.kind.code),
            Some("supported kinds: ke-hoach; or add <kind>.vb to your templates folder".into()),
        ));
    }
    let view = derive::derive(&loaded);
    let markup = templates.render(&view, record_path)?;
    let body = blocks::parse(&markup).map_err(|e| {
        Error::file(
            record_path,
            format!("the template produced invalid markup, {e}"),
            Some("check the template's @ directives".into()),
        )
    })?;
    let page = layout::layout(&view, &body);
    let date = loaded.date;
    let properties = docx::Properties {
        title: view.trich_yeu.clone(),
        subject: view.loai.ten.to_string(),
        creator: view.co_quan.ten.clone(),
        keywords: view.so_ky_hieu.trim().to_string(),
        created: format!(
            "{:04}-{:02}-{:02}T00:00:00Z",
            date.year,
            date.month.unwrap_or(1),
            date.day.unwrap_or(1)
        ),
    };
    docx::write(&page, &properties).map_err(|e| {
        Error::file(
            record_path,
            format!("internal error while writing the document: {e}"),
            Some("please report this with the record attached".into()),
        )
    })
}
