//! vanban renders Vietnamese administrative documents (Kế hoạch, Báo cáo, Công văn, Phụ lục)
//! from TOML records into Word files laid out as Decree 30/2020/NĐ-CP requires.
//!
//! The stages, one module each, run in `pipeline`:
//! `record` (load, check) → `derive` (computed view and appendix tables) → `template` (Tera →
//! block markup, body only) → `blocks` (markup → `model` blocks) → `layout` (ND30 page model)
//! → `docx` (bytes) → `output` (files).

mod batch;
mod blocks;
pub mod cli;
pub mod confine;
mod derive;
mod docx;
mod edit;
mod error;
mod inline;
mod layout;
pub mod messages;
mod model;
mod output;
mod pdf;
mod pipeline;
mod preview;
mod progress;
mod pull;
pub mod record;
mod scaffold;
mod stamp;
pub mod template;
mod text;
mod watch;

pub use pipeline::{OutputFile, RenderOptions, Rendered, render, render_loaded};
