//! The tests that drive the tools outside vanban: the OOXML validator, LibreOffice, pandoc,
//! pdftoppm and Wine. They are the slow ones, so they share one test binary and run side by
//! side; each skips with a visible `SKIPPED …` where its tool is absent, and fails instead
//! when `VANBAN_REQUIRE_TOOLS=1` (as in CI, whose `.ci/run` installs them all).

#[path = "../common/mod.rs"]
mod common;

mod office;
mod pdf;
mod preview;
mod pull_office;
mod windows;
