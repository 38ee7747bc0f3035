//! The `vanban` command: parses the command line and hands over to the library.

fn main() {
    std::process::exit(vanban::cli::run());
}
