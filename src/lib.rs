//! vanban renders Vietnamese administrative documents (Kế hoạch, Báo cáo, Công văn, Phụ lục)
//! from TOML records into Word files laid out as Decree 30/2020/NĐ-CP requires.
//!
//! The stages, one module each, run in `pipeline`:
//! `record` (load, check) → `derive` (computed view and appendix tables) → `template` (Tera →
//! block markup, body only) → `blocks` (markup → `model` blocks) → `layout` (ND30 page model)
//! → `docx` (bytes) → `output` (files).

pub mod batch;
pub mod blocks;
pub mod cli;
pub mod confine;
pub mod derive;
pub mod docx;
pub mod error;
pub mod layout;
pub mod messages;
pub mod model;
pub mod output;
pub mod pdf;
mod pipeline;
pub mod preview;
pub mod progress;
pub mod record;
pub mod scaffold;
pub mod stamp;
pub mod template;
pub mod text;
pub mod watch;

pub use pipeline::{OutputFile, RenderOptions, Rendered, render, render_loaded};
