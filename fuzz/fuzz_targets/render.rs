//! Feeds arbitrary bytes to the record loader and, when they load, to the whole renderer.
//! Any input may be refused with an error; none may panic, hang or abort.
//!
//! Run: `cargo +nightly fuzz run render fuzz/seeds` (or `RUSTC_BOOTSTRAP=1 cargo fuzz run
//! render` on a stable toolchain); fuzz/seeds holds the bundled plans and fixtures.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use vanban::template::Templates;

static TEMPLATES: OnceLock<Templates> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let templates = TEMPLATES.get_or_init(|| Templates::load(None).expect("built-in templates"));
    if let Ok(loaded) = vanban::record::from_bytes(Path::new("fuzz.toml"), data.to_vec()) {
        let _ = vanban::render_loaded(loaded, templates, vanban::RenderOptions::default());
    }
});
